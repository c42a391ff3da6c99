package rules

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// metricKeys are the keys a metric entry may have.
var metricKeys = []string{"id", "name", "unit", "topic", "triggers", "require", "exclude", "value_before"}

// Parse reads one rule file. name is used in positions and errors. All
// problems found are returned together, each with its line and column.
func Parse(name string, data []byte) (*File, error) {
	f := &File{Name: name, Topics: map[string][]string{}}
	p := &fileParser{file: f}
	doc, err := parser.ParseBytes(data, 0)
	if err != nil {
		var ye yaml.Error
		if errors.As(err, &ye) && ye.GetToken() != nil {
			pos := ye.GetToken().Position
			return nil, Errors{{Pos: Pos{name, pos.Line, pos.Column}, Msg: "yaml: " + ye.GetMessage()}}
		}
		return nil, Errors{{Pos: Pos{name, 1, 1}, Msg: "yaml: " + err.Error()}}
	}
	for _, d := range doc.Docs {
		if d.Body == nil {
			continue
		}
		p.top(d.Body)
	}
	if len(p.errs) > 0 {
		return nil, p.errs
	}
	return f, nil
}

type fileParser struct {
	file *File
	errs Errors
	ids  map[string]Pos
}

func (p *fileParser) errorf(n ast.Node, format string, args ...any) {
	pos := p.pos(n)
	p.errs = append(p.errs, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

func (p *fileParser) pos(n ast.Node) Pos {
	if n == nil || n.GetToken() == nil {
		return Pos{p.file.Name, 1, 1}
	}
	tp := n.GetToken().Position
	return Pos{p.file.Name, tp.Line, tp.Column}
}

// mapping returns the key/value pairs of a mapping node, or reports that n
// is not one. goccy/go-yaml gives a one-key mapping as a bare pair.
func (p *fileParser) mapping(n ast.Node, what string) []*ast.MappingValueNode {
	switch m := n.(type) {
	case *ast.MappingNode:
		return m.Values
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{m}
	}
	p.errorf(n, "%s must be a mapping", what)
	return nil
}

func keyName(kv *ast.MappingValueNode) string {
	if s, ok := kv.Key.(*ast.StringNode); ok {
		return s.Value
	}
	return kv.Key.String()
}

func (p *fileParser) top(body ast.Node) {
	for _, kv := range p.mapping(body, "a rule file") {
		switch k := keyName(kv); k {
		case "topics":
			p.topics(kv.Value)
		case "scopes":
			p.file.Scopes = append(p.file.Scopes, p.words(kv.Value, "scopes")...)
		case "metrics":
			p.metrics(kv.Value)
		default:
			p.errorf(kv.Key, "unknown key %q (want topics, scopes or metrics)", k)
		}
	}
}

func (p *fileParser) topics(n ast.Node) {
	for _, kv := range p.mapping(n, "topics") {
		id := keyName(kv)
		words := p.words(kv.Value, "topic "+id)
		if len(words) == 0 {
			p.errorf(kv.Key, "topic %s has no words", id)
			continue
		}
		p.file.Topics[id] = words
	}
}

func (p *fileParser) metrics(n ast.Node) {
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		p.errorf(n, "metrics must be a list of entries")
		return
	}
	if p.ids == nil {
		p.ids = map[string]Pos{}
	}
	for _, item := range seq.Values {
		if m := p.metric(item); m != nil {
			p.file.Metrics = append(p.file.Metrics, m)
		}
	}
}

func (p *fileParser) metric(n ast.Node) *Metric {
	m := &Metric{Pos: p.pos(n)}
	if kvs, ok := n.(*ast.MappingNode); ok && len(kvs.Values) > 0 {
		m.Pos = p.pos(kvs.Values[0].Key)
	} else if kv, ok := n.(*ast.MappingValueNode); ok {
		m.Pos = p.pos(kv.Key)
	}
	before := len(p.errs)
	seen := map[string]bool{}
	for _, kv := range p.mapping(n, "a metric entry") {
		k := keyName(kv)
		if seen[k] {
			p.errorf(kv.Key, "duplicate key %q", k)
		}
		seen[k] = true
		switch k {
		case "id":
			m.ID = p.str(kv.Value, k)
		case "name":
			m.Name = p.str(kv.Value, k)
		case "unit":
			m.Unit = p.str(kv.Value, k)
			if m.Unit != "" && !slices.Contains(Units, m.Unit) {
				p.errorf(kv.Value, "unknown unit %q (want one of %s)", m.Unit, strings.Join(Units, " "))
			}
		case "topic":
			m.Topic = p.str(kv.Value, k)
		case "triggers":
			m.Triggers = p.words(kv.Value, k)
			if len(m.Triggers) == 0 {
				p.errorf(kv.Value, "triggers is empty")
			}
		case "require":
			m.Require = p.words(kv.Value, k)
		case "exclude":
			m.Exclude = p.words(kv.Value, k)
		case "value_before":
			b, ok := kv.Value.(*ast.BoolNode)
			if !ok {
				p.errorf(kv.Value, "value_before must be true or false")
				continue
			}
			m.ValueBefore = b.Value
		default:
			p.errorf(kv.Key, "unknown key %q (want one of %s)", k, strings.Join(metricKeys, ", "))
		}
	}
	for _, req := range []struct {
		key string
		val string
	}{{"id", m.ID}, {"name", m.Name}, {"unit", m.Unit}} {
		if !seen[req.key] {
			p.errs = append(p.errs, &Error{Pos: m.Pos, Msg: fmt.Sprintf("metric entry has no %s", req.key)})
		} else if req.val == "" {
			p.errs = append(p.errs, &Error{Pos: m.Pos, Msg: fmt.Sprintf("metric entry has an empty %s", req.key)})
		}
	}
	if !seen["triggers"] {
		p.errs = append(p.errs, &Error{Pos: m.Pos, Msg: "metric entry has no triggers"})
	}
	if m.ID != "" {
		if prev, dup := p.ids[m.ID]; dup {
			p.errs = append(p.errs, &Error{Pos: m.Pos, Msg: fmt.Sprintf("duplicate metric id %s (first at line %d)", m.ID, prev.Line)})
		} else {
			p.ids[m.ID] = m.Pos
		}
	}
	if len(p.errs) > before {
		return nil
	}
	return m
}

func (p *fileParser) str(n ast.Node, key string) string {
	switch v := n.(type) {
	case *ast.StringNode:
		return strings.TrimSpace(v.Value)
	case *ast.NullNode:
		return ""
	case ast.ScalarNode:
		return strings.TrimSpace(v.String())
	}
	p.errorf(n, "%s must be a single value", key)
	return ""
}

// words reads a list of non-empty strings (a single string is a list of one).
func (p *fileParser) words(n ast.Node, key string) []string {
	var nodes []ast.Node
	switch v := n.(type) {
	case *ast.SequenceNode:
		nodes = v.Values
	case *ast.NullNode:
		return nil
	default:
		nodes = []ast.Node{n}
	}
	var out []string
	for _, e := range nodes {
		w := p.str(e, key)
		switch {
		case w == "":
			p.errorf(e, "%s: empty word", key)
		case strings.ContainsAny(w, " \t\n"):
			p.errorf(e, "%s: word %q contains a space", key, w)
		default:
			out = append(out, w)
		}
	}
	return out
}
