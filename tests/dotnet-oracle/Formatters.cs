// The serializers configured as ASP.NET Web API 2's formatters configure them
// (aspnet/AspNetWebStack, src/System.Net.Http.Formatting):
// - BaseJsonMediaTypeFormatter.CreateDefaultSerializerSettings: a JsonContractResolver,
//   MissingMemberHandling.Ignore, TypeNameHandling.None; everything else Newtonsoft's defaults.
// - JsonContractResolver's constructor sets IgnoreSerializableAttribute = false ("to have
//   [Serializable] types serialized correctly"), so a [Serializable] type is written by its fields;
//   its ConfigureProperty makes a member required (Required.AllowNull) where the formatter's
//   RequiredMemberSelector says so: a member with [Required] (ModelValidationRequiredMemberSelector).
// - BaseJsonMediaTypeFormatter.MaxDepth and XmlMediaTypeFormatter.MaxDepth default to
//   FormattingUtilities.DefaultMaxDepth = 256 (the JsonReader's MaxDepth; the XML reader quotas).
// - XmlMediaTypeFormatter: DataContractSerializer unless UseXmlSerializer; its WriterSettings omit
//   the XML declaration; its reader is XmlDictionaryReader.CreateTextReader with those quotas.
// The help pages show samples indented (two spaces), as the HelpPage sample generator asks.
using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.IO;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text;
using System.Xml;
using System.Xml.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace OrderKit.Oracle
{
    public static class WebApi
    {
        public const int MaxDepth = 256;  // FormattingUtilities.DefaultMaxDepth
    }

    /// Web API 2's JsonContractResolver, minus the formatter plumbing.
    public sealed class WebApiContractResolver : DefaultContractResolver
    {
        public WebApiContractResolver()
        {
            IgnoreSerializableAttribute = false;
        }

        protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
        {
            JsonProperty property = base.CreateProperty(member, memberSerialization);
            if (member.GetCustomAttribute<RequiredAttribute>() != null)
            {
                property.Required = Required.AllowNull;
                property.DefaultValueHandling = DefaultValueHandling.Include;
                property.NullValueHandling = NullValueHandling.Include;
            }
            else
            {
                property.Required = Required.Default;
            }
            return property;
        }
    }

    /// One error the formatter logged, keyed as Newtonsoft's path ("Customer.Email", "OrderDetails[0]").
    public sealed class FormatterError
    {
        public string Path;
        public string Message;
    }

    public static class Json
    {
        static readonly WebApiContractResolver Resolver = new WebApiContractResolver();

        static JsonSerializerSettings Settings() => new JsonSerializerSettings
        {
            ContractResolver = Resolver,
            MissingMemberHandling = MissingMemberHandling.Ignore,
            TypeNameHandling = TypeNameHandling.None,
        };

        public static string Write(object value, bool indented)
        {
            var serializer = JsonSerializer.Create(Settings());
            serializer.Formatting = indented ? Newtonsoft.Json.Formatting.Indented : Newtonsoft.Json.Formatting.None;
            var sw = new StringWriter();
            serializer.Serialize(sw, value);
            return sw.ToString();
        }

        /// Reads as BaseJsonMediaTypeFormatter.ReadFromStream does: errors are logged and handled,
        /// so the value keeps what could be read (Web API then validates it and reports both).
        public static object Read(string text, Type type, List<FormatterError> errors)
        {
            var serializer = JsonSerializer.Create(Settings());
            serializer.Error += (sender, e) =>
            {
                // Every level of the object graph reports the same exception; log it once.
                if (e.CurrentObject == e.ErrorContext.OriginalObject)
                    errors.Add(new FormatterError { Path = e.ErrorContext.Path, Message = e.ErrorContext.Error.Message });
                e.ErrorContext.Handled = true;
            };
            using var reader = new JsonTextReader(new StringReader(text)) { MaxDepth = WebApi.MaxDepth, CloseInput = false };
            try
            {
                return serializer.Deserialize(reader, type);
            }
            catch (Exception ex)
            {
                errors.Add(new FormatterError { Path = "", Message = ex.Message });
                return null;
            }
        }
    }

    public static class Xml
    {
        static XmlWriterSettings WriterSettings(bool indented) => new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            CloseOutput = false,
            CheckCharacters = false,
            Indent = indented,
            Encoding = new UTF8Encoding(false),
        };

        static XmlDictionaryReaderQuotas Quotas() => new XmlDictionaryReaderQuotas
        {
            MaxArrayLength = int.MaxValue,
            MaxBytesPerRead = int.MaxValue,
            MaxDepth = WebApi.MaxDepth,
            MaxNameTableCharCount = int.MaxValue,
            MaxStringContentLength = int.MaxValue,
        };

        public static string Write(object value, Type type, bool xmlSerializer, XmlSerializerNamespaces ns, bool indented)
        {
            var ms = new MemoryStream();
            using (var writer = XmlWriter.Create(ms, WriterSettings(indented)))
            {
                if (xmlSerializer) new XmlSerializer(type).Serialize(writer, value, ns);
                else new DataContractSerializer(type).WriteObject(writer, value);
            }
            return new UTF8Encoding(false).GetString(ms.ToArray());
        }

        public static object Read(string text, Type type, bool xmlSerializer, List<FormatterError> errors)
        {
            try
            {
                var bytes = new UTF8Encoding(false).GetBytes(text);
                using var reader = XmlDictionaryReader.CreateTextReader(bytes, Quotas());
                if (xmlSerializer) return new XmlSerializer(type).Deserialize(reader);
                return new DataContractSerializer(type).ReadObject(reader);
            }
            catch (Exception ex)
            {
                var inner = ex;
                var message = new StringBuilder(ex.Message);
                while (inner.InnerException != null) { inner = inner.InnerException; message.Append(" ").Append(inner.Message); }
                errors.Add(new FormatterError { Path = "", Message = message.ToString() });
                return null;
            }
        }
    }
}
