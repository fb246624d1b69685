#include "lab/weights_file.h"

#include <cfloat>
#include <cmath>

#include "engine/i18n.h"
#include "lab/json_reader.h"
#include "lab/json_writer.h"
#include "lab/playground_state.h"

namespace nabla {

namespace {

constexpr const char* kFormat = "nabla-weights";
constexpr int kVersion = 1;

using Kind = JsonValue::Kind;

bool whole_in(const JsonValue* j, double lo, double hi, int& out) {
    if (!j || j->kind != Kind::Number) return false;
    const double v = j->number;
    if (!(v >= lo && v <= hi) || v != std::floor(v)) return false;
    out = static_cast<int>(v);
    return true;
}

// The field when it is there and of that kind, else nullptr.
const JsonValue* field(const JsonValue& doc, const char* key, Kind kind) {
    const JsonValue* f = doc.find(key);
    return f && f->kind == kind ? f : nullptr;
}

template <class E>
bool enum_field(const JsonValue& doc, const char* key, E& out, std::string& error) {
    const JsonValue* f = field(doc, key, Kind::String);
    if (!f || !enum_from_key(f->text, out)) return error = trf("\"%s\" must be one of %s", key, enum_keys<E>(", ").c_str()), false;
    return true;
}

}  // namespace

WeightsFile weights_of(const Mlp<float>& mlp) {
    WeightsFile f;
    f.sizes = mlp.desc().sizes;
    f.activation = mlp.desc().hidden;
    f.head = mlp.desc().head;
    for (const Layer<float>& L : mlp.layers) f.W.push_back(L.W), f.b.push_back(L.b);
    return f;
}

// Written with our JSON writer (numbers that round-trip, one layer's row per line); read with
// our JSON reader (lab/json_reader.h), which says where a hand-edited file stops being JSON.
std::string write_weights_json(const WeightsFile& f) {
    JsonWriter w;
    w.begin_object().key("format").value(kFormat).key("version").value(kVersion);
    w.key("sizes").begin_array();
    for (const int n : f.sizes) w.value(n);
    w.end_array().key("activation").value(enum_key(f.activation)).key("head").value(enum_key(f.head));
    if (!f.features.empty()) w.key("features").value(f.features);
    if (!f.playground.empty()) w.key("playground").value(f.playground);
    w.key("steps").value(static_cast<double>(f.steps)).key("layers").begin_array();
    for (size_t k = 0; k < f.W.size(); ++k) {
        w.begin_object().key("W").begin_array();
        for (Eigen::Index i = 0; i < f.W[k].rows(); ++i) {
            w.begin_array();
            for (Eigen::Index j = 0; j < f.W[k].cols(); ++j) w.value(static_cast<double>(f.W[k](i, j)));
            w.end_array();
        }
        w.end_array().key("b").begin_array();
        for (Eigen::Index i = 0; i < f.b[k].size(); ++i) w.value(static_cast<double>(f.b[k](i)));
        w.end_array().end_object();
    }
    w.end_array().end_object();
    return w.str() + "\n";
}


bool read_weights_json(const std::string& text, WeightsFile& out, std::string& error) {
    JsonValue doc;
    if (!read_json(text, doc, error)) return error = trf("not JSON: %s", error.c_str()), false;
    const JsonValue* format = field(doc, "format", Kind::String);
    if (doc.kind != Kind::Object || !format || format->text != kFormat)
        return error = tr("not a Nabla weights file: it has no \"format\": \"nabla-weights\""), false;
    int version = 0;
    const JsonValue* version_field = doc.find("version");
    if (!whole_in(version_field, 1, 1e6, version) || version != kVersion)
        return error = trf("weights file version %s: this Nabla reads version %d",
                           version_field && version_field->kind == Kind::Number ? format_number(version_field->number).c_str() : "?", kVersion),
               false;
    WeightsFile f;
    const int max_entries = NetworkLimits::max_hidden_layers + 2;
    const JsonValue* sizes = field(doc, "sizes", Kind::Array);
    if (!sizes || sizes->items.size() < 2 || static_cast<int>(sizes->items.size()) > max_entries)
        return error = trf("\"sizes\" must list 2 to %d layer sizes", max_entries), false;
    for (size_t k = 0; k < sizes->items.size(); ++k) {
        int n = 0;
        if (!whole_in(&sizes->items[k], 1, NetworkLimits::neurons.hi, n))
            return error = trf("sizes[%d] must be a whole number from 1 to %d", static_cast<int>(k), static_cast<int>(NetworkLimits::neurons.hi)), false;
        f.sizes.push_back(n);
    }
    if (!enum_field(doc, "activation", f.activation, error) || !enum_field(doc, "head", f.head, error)) return false;
    for (const char* key : {"features", "playground"})
        if (doc.find(key) && !field(doc, key, Kind::String)) return error = trf("\"%s\" must be text", key), false;
    if (const JsonValue* v = field(doc, "features", Kind::String)) f.features = v->text;
    if (const JsonValue* v = field(doc, "playground", Kind::String)) f.playground = v->text;
    int steps = 0;
    if (doc.find("steps") && !whole_in(doc.find("steps"), 0, 1e9, steps)) return error = tr("\"steps\" must be a whole number"), false;
    f.steps = steps;
    const size_t layer_count = f.sizes.size() - 1;
    const JsonValue* layers = field(doc, "layers", Kind::Array);
    if (!layers || layers->items.size() != layer_count)
        return error = trf("\"layers\" must hold %d layers, one for each size after the inputs", static_cast<int>(layer_count)), false;
    // In float's range before the cast (a double past FLT_MAX cast to float is undefined).
    auto finite = [](const JsonValue& v) { return v.kind == Kind::Number && std::abs(v.number) <= FLT_MAX; };
    for (size_t k = 0; k < layer_count; ++k) {
        const JsonValue& L = layers->items[k];
        const int rows = f.sizes[k + 1], cols = f.sizes[k];
        const std::string at = "layers[" + std::to_string(k) + "]";
        const JsonValue* LW = L.kind == Kind::Object ? field(L, "W", Kind::Array) : nullptr;
        if (!LW || static_cast<int>(LW->items.size()) != rows)
            return error = trf("%s.W must hold %d rows (one per neuron)", at.c_str(), rows), false;
        const JsonValue* Lb = field(L, "b", Kind::Array);
        if (!Lb || static_cast<int>(Lb->items.size()) != rows) return error = trf("%s.b must hold %d numbers", at.c_str(), rows), false;
        Matrix<float> W(rows, cols);
        RowVector<float> b(rows);
        for (int i = 0; i < rows; ++i) {
            const JsonValue& row = LW->items[static_cast<size_t>(i)];
            if (row.kind != Kind::Array || static_cast<int>(row.items.size()) != cols)
                return error = trf("%s.W[%d] must hold %d numbers (one per input)", at.c_str(), i, cols), false;
            for (int j = 0; j < cols; ++j) {
                const JsonValue& v = row.items[static_cast<size_t>(j)];
                if (!finite(v)) return error = trf("%s.W[%d][%d] is not a finite number", at.c_str(), i, j), false;
                W(i, j) = static_cast<float>(v.number);
            }
            const JsonValue& v = Lb->items[static_cast<size_t>(i)];
            if (!finite(v)) return error = trf("%s.b[%d] is not a finite number", at.c_str(), i), false;
            b(i) = static_cast<float>(v.number);
        }
        f.W.push_back(std::move(W));
        f.b.push_back(std::move(b));
    }
    out = std::move(f);
    return true;
}

}  // namespace nabla
