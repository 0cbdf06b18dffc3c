// The oracle process. Two modes:
//   samples <fixtures dir>  reads every documented sample, decodes it with the real serializer and
//                           writes it again; the text must equal the sample (byte for byte for 002,
//                           whose page kept the servers' whitespace; the other pages lost their
//                           indentation, so those compare with leading whitespace removed).
//   findings                the review's open questions, settled (Findings.cs).
//   serve                   answers commands on stdin, so one start serves thousands of cases:
//                           "<op>\t<api>\t<model>\t<format>\t<byte count>\n<body>", answered by
//                           "<status>\t<byte count>\n<payload>". Ops:
//                           roundtrip: decode, then write indented ("json", "xml") or compact
//                             ("html", 002's text/html JSON); status ok, or fail with the errors.
//                           json2xml: decode JSON, write the server's XML for the value.
//                           check: decode and validate as Web API 2 would before the action runs;
//                             status valid or invalid, payload one "path\tmessage\tkind" line per
//                             error, kind "formatter" (the serializer's) or "validation" (DataAnnotations').
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace OrderKit.Oracle
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length == 2 && args[0] == "samples") return Samples.Run(args[1]);
            if (args.Length == 1 && args[0] == "serve") return Serve();
            if (args.Length == 1 && args[0] == "findings") return Findings.Run();
            Console.Error.WriteLine("usage: OrderKit.Oracle samples <fixtures dir> | serve");
            return 2;
        }

        public static (string status, string payload) Handle(string op, string api, string model, string format, string body)
        {
            var entry = Registry.Find(api, model);
            if (entry == null) return ("fail", $"unknown model {api}/{model}");
            bool xml = format == "xml";
            if (xml && entry.Xml == XmlKind.None) return ("fail", $"{api}/{model} has no XML");
            var errors = new List<FormatterError>();
            object value = xml ? Xml.Read(body, entry.Type, entry.Xml == XmlKind.XmlSerializer, errors)
                               : Json.Read(body, entry.Type, errors);
            if (op == "roundtrip")
            {
                if (errors.Count > 0 || value == null)
                    return ("fail", string.Join("\n", errors.Select(e => e.Path + "\t" + e.Message)) + (value == null ? "\tnull" : ""));
                return ("ok", entry.Write(value, format));
            }
            if (op == "json2xml")  // what the server would answer in XML for this JSON value
            {
                if (errors.Count > 0 || value == null) return ("fail", string.Join("\n", errors.Select(e => e.Message)));
                return ("ok", entry.Write(value, "xml"));
            }
            if (op == "check")
            {
                // Each line says where the error came from: "formatter" (the serializer's exception,
                // which Web API puts in ModelState as the exception: remote clients read "An error has
                // occurred.", local ones its message) or "validation" (DataAnnotations' own message,
                // which Web API puts in ModelState as it is).
                var found = errors.Select(e => (e, kind: "formatter")).ToList();
                if (value == null && errors.Count == 0)
                    found.Add((new FormatterError { Path = "", Message = "A value is required but was not present in the request." }, "formatter"));
                var invalid = new List<FormatterError>();
                if (value != null) Validation.Walk(value, "", invalid);
                found.AddRange(invalid.Select(e => (e, kind: "validation")));
                if (found.Count == 0) return ("valid", "");
                return ("invalid", string.Join("\n", found.Select(f => f.e.Path + "\t" + f.e.Message.Replace('\n', ' ').Replace("\r", "").Replace('\t', ' ') + "\t" + f.kind)));
            }
            return ("fail", "unknown op " + op);
        }

        static int Serve()
        {
            var input = Console.OpenStandardInput();
            var output = Console.OpenStandardOutput();
            var utf8 = new UTF8Encoding(false);
            while (true)
            {
                string header = ReadLine(input);
                if (header == null) return 0;
                var parts = header.Split('\t');
                if (parts.Length != 5) { Console.Error.WriteLine("bad command: " + header); return 2; }
                int length = int.Parse(parts[4]);
                var buffer = new byte[length];
                int read = 0;
                while (read < length)
                {
                    int n = input.Read(buffer, read, length - read);
                    if (n <= 0) return 2;
                    read += n;
                }
                string body = utf8.GetString(buffer);
                string status, payload;
                try { (status, payload) = Handle(parts[0], parts[1], parts[2], parts[3], body); }
                catch (Exception ex) { (status, payload) = ("fail", "oracle exception: " + ex.GetType().Name + ": " + ex.Message); }
                var bytes = utf8.GetBytes(payload);
                var head = utf8.GetBytes(status + "\t" + bytes.Length + "\n");
                output.Write(head, 0, head.Length);
                output.Write(bytes, 0, bytes.Length);
                output.Flush();
            }
        }

        static string ReadLine(Stream input)
        {
            var bytes = new List<byte>();
            while (true)
            {
                int b = input.ReadByte();
                if (b < 0) return bytes.Count == 0 ? null : Encoding.UTF8.GetString(bytes.ToArray());
                if (b == '\n') return Encoding.UTF8.GetString(bytes.ToArray());
                bytes.Add((byte)b);
            }
        }
    }

    public static class Samples
    {
        public static int Run(string dir)
        {
            int passed = 0, failed = 0;
            foreach (var api in new[] { "broadband", "contracts", "licenses", "mobile" })
            {
                foreach (var path in Directory.GetFiles(Path.Combine(dir, api)).OrderBy(p => p, StringComparer.Ordinal))
                {
                    var name = Path.GetFileName(path);
                    if (name == "tables.tsv" || name == "help-page.txt") continue;  // not samples
                    int dot2 = name.LastIndexOf('.');
                    int dot1 = name.LastIndexOf('.', dot2 - 1);
                    string model = name.Substring(0, dot1), ext = name.Substring(dot2 + 1);
                    string text = File.ReadAllText(path, new UTF8Encoding(false));
                    var (status, payload) = Program.Handle("roundtrip", api, model, ext, text);
                    bool exact = api == "mobile";
                    bool same = status == "ok" && (exact ? payload == text.TrimEnd('\n') || payload == text
                                                         : Normalize(payload) == Normalize(text));
                    if (same) { passed++; Console.WriteLine($"ok   {api}/{name}"); }
                    else
                    {
                        failed++;
                        Console.WriteLine($"FAIL {api}/{name}: {status}\n--- .NET wrote:\n{payload}\n--- the page shows:\n{text}");
                    }
                }
            }
            Console.WriteLine($"samples: {passed} passed, {failed} failed");
            return failed == 0 && passed > 0 ? 0 : 1;
        }

        /// The pages 000, 001 and 003 lost their indentation (and 001's XML its line breaks).
        static string Normalize(string s)
        {
            var sb = new StringBuilder();
            foreach (var line in s.Replace("\r", "").Replace("> <", ">\n<").Split('\n'))
            {
                var t = line.Trim();
                if (t.Length > 0) sb.Append(t).Append('\n');
            }
            return sb.ToString();
        }
    }
}
