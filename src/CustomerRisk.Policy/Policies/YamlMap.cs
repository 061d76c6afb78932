using YamlDotNet.RepresentationModel;

namespace CustomerRisk.Policy;

/// <summary>A YAML mapping being read: remembers which keys were asked for, so that any other key is reported as
/// unknown with its line.</summary>
internal sealed class YamlMap
{
    private readonly PolicyParser _parser;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly List<string> _asked = [];

    public YamlMap(PolicyParser parser, YamlMappingNode node, string path)
    {
        _parser = parser;
        Node = node;
        Path = path;
        foreach (var (key, value) in node.Children)
        {
            var name = key is YamlScalarNode scalar ? scalar.Value ?? "" : "";
            if (key is not YamlScalarNode)
            {
                parser.Error(key, $"'{path}' has a key that is not a plain name");
                continue;
            }

            if (!_entries.TryAdd(name, (key, value)))
            {
                parser.Error(key, $"'{Qualified(name)}' appears twice");
                continue;
            }

            _order.Add(name);
        }
    }

    public YamlMappingNode Node { get; }

    public string Path { get; }

    public IEnumerable<string> Keys => _order;

    public string Qualified(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public YamlNode? Optional(string key)
    {
        _asked.Add(key);
        return _entries.TryGetValue(key, out var entry) && !PolicyParser.IsNull(entry.Value) ? entry.Value : null;
    }

    public YamlNode? Required(string key)
    {
        var value = Optional(key);
        if (value is null)
        {
            _parser.Error(_entries.TryGetValue(key, out var entry) ? entry.Key : Node, $"'{Qualified(key)}' is required");
        }

        return value;
    }

    public YamlNode KeyNode(string key) => _entries[key].Key;

    public YamlNode ValueNode(string key) => _entries[key].Value;

    /// <summary>Reports every key that was never asked for.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var name in _order)
        {
            if (!_asked.Contains(name))
            {
                var where = Path.Length == 0 ? "at the top level" : $"in '{Path}'";
                _parser.Error(_entries[name].Key, $"unknown key '{name}' {where}; expected one of: {string.Join(", ", _asked.Distinct())}");
            }
        }
    }
}
