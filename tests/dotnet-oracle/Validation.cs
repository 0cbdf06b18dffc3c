// Model validation as Web API 2 runs it after binding (DefaultBodyModelValidator): every object in
// the graph is checked with its DataAnnotations attributes, keys being the member path. The
// messages are System.ComponentModel.DataAnnotations' own.
using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace OrderKit.Oracle
{
    public static class Validation
    {
        public static void Walk(object value, string path, List<FormatterError> errors)
        {
            if (value == null || value is string || value.GetType().IsPrimitive || value is decimal ||
                value is DateTime || value is Guid || value.GetType().IsEnum)
                return;
            if (value is IEnumerable items)
            {
                int i = 0;
                foreach (var item in items) Walk(item, $"{path}[{i++}]", errors);
                return;
            }
            foreach (var p in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (p.GetIndexParameters().Length > 0) continue;
                object member = p.GetValue(value);
                string memberPath = path.Length == 0 ? p.Name : path + "." + p.Name;
                var context = new ValidationContext(value) { MemberName = p.Name, DisplayName = p.Name };
                var results = new List<ValidationResult>();
                if (!Validator.TryValidateProperty(member, context, results))
                    foreach (var r in results) errors.Add(new FormatterError { Path = memberPath, Message = r.ErrorMessage });
                if (p.PropertyType.IsClass && p.PropertyType != typeof(string)) Walk(member, memberPath, errors);
            }
        }
    }
}
