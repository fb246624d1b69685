#include "lab/weights_file.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "engine/i18n.h"
#include "lab/json_writer.h"
#include "lab/playground_state.h"

namespace nabla {

using nlohmann::json;

namespace {

constexpr const char* kFormat = "nabla-weights";
constexpr int kVersion = 1;

// A SAX handler that builds the document as nlohmann's own DOM parser does, but keeps the syntax
// error's message instead of throwing it (the page has no exceptions).
struct Parser : nlohmann::detail::json_sax_dom_parser<json> {
    std::string error;
    explicit Parser(json& into) : json_sax_dom_parser(into, false) {}
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
        std::string what = e.what();  // "[json.exception.parse_error.101] parse error at line 1, column 30: ..."
        if (const size_t close = what.find("] "); close != std::string::npos) what = what.substr(close + 2);
        error = trf("not JSON: %s", what.c_str());
        return false;
    }
};

bool whole_in(const json& j, double lo, double hi, int& out) {
    if (!j.is_number()) return false;
    const double v = j.get<double>();
    if (!(v >= lo && v <= hi) || v != std::floor(v)) return false;
    out = static_cast<int>(v);
    return true;
}

template <class E>
bool enum_field(const json& doc, const char* key, E& out, std::string& error) {
    if (!doc.contains(key) || !doc[key].is_string() || !enum_from_key(doc[key].get<std::string>(), out))
        return error = trf("\"%s\" must be one of %s", key, enum_keys<E>(", ").c_str()), false;
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
// nlohmann's parser, which is what people's files need.
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
    json doc;
    Parser parser(doc);
    if (!json::sax_parse(text, &parser)) return error = parser.error.empty() ? tr("not JSON") : parser.error, false;
    if (!doc.is_object() || !doc.contains("format") || !doc["format"].is_string() || doc["format"].get_ref<const std::string&>() != kFormat)
        return error = tr("not a Nabla weights file: it has no \"format\": \"nabla-weights\""), false;
    int version = 0;
    if (!doc.contains("version") || !whole_in(doc["version"], 1, 1e6, version) || version != kVersion)
        // The version as written when it is a number (no serializer for the rest: the page's weight).
        return error = trf("weights file version %s: this Nabla reads version %d",
                           doc.contains("version") && doc["version"].is_number() ? format_number(doc["version"].get<double>()).c_str() : "?", kVersion),
               false;
    WeightsFile f;
    const int max_entries = NetworkLimits::max_hidden_layers + 2;
    if (!doc.contains("sizes") || !doc["sizes"].is_array() || doc["sizes"].size() < 2 || static_cast<int>(doc["sizes"].size()) > max_entries)
        return error = trf("\"sizes\" must list 2 to %d layer sizes", max_entries), false;
    for (size_t k = 0; k < doc["sizes"].size(); ++k) {
        int n = 0;
        if (!whole_in(doc["sizes"][k], 1, NetworkLimits::neurons.hi, n))
            return error = trf("sizes[%d] must be a whole number from 1 to %d", static_cast<int>(k), static_cast<int>(NetworkLimits::neurons.hi)), false;
        f.sizes.push_back(n);
    }
    if (!enum_field(doc, "activation", f.activation, error) || !enum_field(doc, "head", f.head, error)) return false;
    for (const char* key : {"features", "playground"})
        if (doc.contains(key) && !doc[key].is_string()) return error = trf("\"%s\" must be text", key), false;
    if (doc.contains("features")) f.features = doc["features"].get<std::string>();
    if (doc.contains("playground")) f.playground = doc["playground"].get<std::string>();
    int steps = 0;
    if (doc.contains("steps") && !whole_in(doc["steps"], 0, 1e9, steps)) return error = tr("\"steps\" must be a whole number"), false;
    f.steps = steps;
    const size_t layer_count = f.sizes.size() - 1;
    if (!doc.contains("layers") || !doc["layers"].is_array() || doc["layers"].size() != layer_count)
        return error = trf("\"layers\" must hold %d layers, one for each size after the inputs", static_cast<int>(layer_count)), false;
    for (size_t k = 0; k < layer_count; ++k) {
        const json& L = doc["layers"][k];
        const int rows = f.sizes[k + 1], cols = f.sizes[k];
        const std::string at = "layers[" + std::to_string(k) + "]";
        if (!L.is_object() || !L.contains("W") || !L["W"].is_array() || static_cast<int>(L["W"].size()) != rows)
            return error = trf("%s.W must hold %d rows (one per neuron)", at.c_str(), rows), false;
        if (!L.contains("b") || !L["b"].is_array() || static_cast<int>(L["b"].size()) != rows)
            return error = trf("%s.b must hold %d numbers", at.c_str(), rows), false;
        Matrix<float> W(rows, cols);
        RowVector<float> b(rows);
        for (int i = 0; i < rows; ++i) {
            const json& row = L["W"][static_cast<size_t>(i)];
            if (!row.is_array() || static_cast<int>(row.size()) != cols)
                return error = trf("%s.W[%d] must hold %d numbers (one per input)", at.c_str(), i, cols), false;
            for (int j = 0; j < cols; ++j) {
                const json& v = row[static_cast<size_t>(j)];
                if (!v.is_number() || !std::isfinite(static_cast<float>(v.get<double>())))
                    return error = trf("%s.W[%d][%d] is not a finite number", at.c_str(), i, j), false;
                W(i, j) = static_cast<float>(v.get<double>());
            }
            const json& v = L["b"][static_cast<size_t>(i)];
            if (!v.is_number() || !std::isfinite(static_cast<float>(v.get<double>())))
                return error = trf("%s.b[%d] is not a finite number", at.c_str(), i), false;
            b(i) = static_cast<float>(v.get<double>());
        }
        f.W.push_back(std::move(W));
        f.b.push_back(std::move(b));
    }
    out = std::move(f);
    return true;
}

}  // namespace nabla
