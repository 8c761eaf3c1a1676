using System.Collections;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Plotly.NET;

namespace DlCourse.Plotting;

/// <summary>
/// A chart as Plotly figure JSON (<c>{"data", "layout", "frames"}</c>), the same document as <c>GenericChart.toFigureJson</c>.
/// </summary>
/// <remarks>
/// Plotly.NET 6 serialises through Newtonsoft's reflection over every dynamic member, about 20–50× slower than this
/// direct walk (docs/benchmarks.md), which made chart-heavy notebooks 1.3–1.5× slower. Values of types this walk does
/// not know still go through Plotly.NET's own serializer settings, so the document stays the same.
/// </remarks>
public static class FigureJson
{
    private static readonly JsonWriterOptions Options = new() { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The figure JSON of <paramref name="chart"/>.</summary>
    public static string Of(GenericChart chart)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WritePropertyName("data");
            Write(json, GenericChart.getTraces(chart));
            json.WritePropertyName("layout");
            Write(json, GenericChart.getLayout(chart));
            json.WritePropertyName("frames");
            json.WriteStartArray();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteBooleanValue(b); break;
            // plotly.js draws a gap for null; NaN and ∞ are not JSON.
            case double d: if (double.IsFinite(d)) json.WriteNumberValue(d); else json.WriteNullValue(); break;
            case float f: if (float.IsFinite(f)) json.WriteNumberValue(f); else json.WriteNullValue(); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case DynamicObj.DynamicObj o:
                json.WriteStartObject();
                foreach (var property in o.GetProperties(true))
                {
                    json.WritePropertyName(property.Key);
                    Write(json, property.Value);
                }
                json.WriteEndObject();
                break;
            case IEnumerable items:
                json.WriteStartArray();
                foreach (var item in items) Write(json, item);
                json.WriteEndArray();
                break;
            default:
                json.WriteRawValue(Newtonsoft.Json.JsonConvert.SerializeObject(value, Globals.JSON_CONFIG), skipInputValidation: true);
                break;
        }
    }
}
