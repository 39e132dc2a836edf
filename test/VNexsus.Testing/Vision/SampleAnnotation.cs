using System.Globalization;
using System.Text.Json.Nodes;

namespace VNexsus.Testing.Vision;

/// <summary>
/// A synthetic outpatient record page as Vision's <c>fullTextAnnotation</c> would describe it: pages → blocks →
/// paragraphs → words → symbols, one symbol per character, zero coordinates left out as proto3 JSON does.
/// </summary>
public static class SampleAnnotation
{
    public const int Width = 1240;
    public const int Height = 1754;

    public const string ResidentNumber = "800101-1234567";

    /// <summary>The blocks the engine must produce, in order: text (after masking), box, confidence.</summary>
    public static readonly (string Text, double XMin, double YMin, double XMax, double YMax, double Confidence)[] Expected =
    [
        ("한빛내과의원 외래 진료기록", 96, 64, 742, 118, 0.98),
        ("진료일자: 2024.03.07", 96, 180, 560, 222, 0.96),
        ("주민등록번호 ******-*******", 96, 240, 700, 282, 0.93),
        ("진단명: 제2형 당뇨병 (E11.9)", 0, 320, 820, 366, 0.5),
        ("처방: 메트포르민 500mg 1일 2회 30일분", 96, 400, 900, 444, 0.91),
    ];

    public static string Json() => new JsonObject
    {
        ["responses"] = new JsonArray(new JsonObject
        {
            ["fullTextAnnotation"] = new JsonObject
            {
                ["pages"] = new JsonArray(new JsonObject
                {
                    ["property"] = new JsonObject { ["detectedLanguages"] = new JsonArray(new JsonObject { ["languageCode"] = "ko", ["confidence"] = 0.92 }) },
                    ["width"] = Width,
                    ["height"] = Height,
                    ["confidence"] = 0.94,
                    ["blocks"] = new JsonArray(
                        Block(
                            Paragraph(["한빛내과의원", "외래", "진료기록"], (96, 64, 742, 118), 0.98)),
                        Block(
                            Paragraph(["진료일자:", "2024.03.07"], (96, 180, 560, 222), 0.96),
                            Paragraph(["주민등록번호", "800101", "-", "1234567"], (96, 240, 700, 282), 0.93),
                            Paragraph([], (96, 290, 120, 300), 0.2),
                            Paragraph(["진단명:", "제2형", "당뇨병", "(E11.9)"], (0, 320, 820, 366), null)),
                        Block(
                            Paragraph(["처방:", "메트포르민", "500mg", "1일", "2회", "30일분"], (96, 400, 900, 444), 0.91))),
                }),
                ["text"] = "한빛내과의원 외래 진료기록\n진료일자: 2024.03.07\n주민등록번호 800101-1234567\n진단명: 제2형 당뇨병 (E11.9)\n처방: 메트포르민 500mg 1일 2회 30일분\n",
            },
        }),
    }.ToJsonString();

    private static JsonObject Block(params JsonObject[] paragraphs) => new()
    {
        ["boundingBox"] = new JsonObject { ["vertices"] = new JsonArray() },
        ["paragraphs"] = new JsonArray(paragraphs),
        ["blockType"] = "TEXT",
    };

    private static JsonObject Paragraph(string[] words, (int X0, int Y0, int X1, int Y1) box, double? confidence)
    {
        var paragraph = new JsonObject
        {
            ["boundingBox"] = Polygon(box),
            ["words"] = new JsonArray([.. words.Select(w => (JsonNode)Word(w, box))]),
        };
        if (confidence is { } c)
        {
            paragraph["confidence"] = c;
        }

        return paragraph;
    }

    private static JsonObject Word(string word, (int X0, int Y0, int X1, int Y1) box)
    {
        var symbols = new JsonArray();
        var elements = StringInfo.GetTextElementEnumerator(word);
        var list = new List<string>();
        while (elements.MoveNext())
        {
            list.Add(elements.GetTextElement());
        }

        for (var i = 0; i < list.Count; i++)
        {
            var symbol = new JsonObject { ["text"] = list[i], ["confidence"] = 0.97 };
            if (i == list.Count - 1)
            {
                symbol["property"] = new JsonObject { ["detectedBreak"] = new JsonObject { ["type"] = "SPACE" } };
            }

            symbols.Add(symbol);
        }

        return new JsonObject { ["boundingBox"] = Polygon(box), ["symbols"] = symbols, ["confidence"] = 0.95 };
    }

    /// <summary>Four corners clockwise from top-left; a zero coordinate is omitted, as Vision's JSON does.</summary>
    private static JsonObject Polygon((int X0, int Y0, int X1, int Y1) box)
    {
        JsonObject Vertex(int x, int y)
        {
            var vertex = new JsonObject();
            if (x != 0)
            {
                vertex["x"] = x;
            }

            if (y != 0)
            {
                vertex["y"] = y;
            }

            return vertex;
        }

        return new JsonObject
        {
            ["vertices"] = new JsonArray(Vertex(box.X0, box.Y0), Vertex(box.X1, box.Y0), Vertex(box.X1, box.Y1), Vertex(box.X0, box.Y1)),
        };
    }
}
