#include "nn/own_data.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "engine/i18n.h"

namespace nabla {

namespace {

// Hundredths as text: 125 → "1.25", -300 → "-3", 5 → "0.05".
std::string hundredths(float v) {
    const long h = std::lround(static_cast<double>(v) * 100);
    const long whole = std::labs(h) / 100, frac = std::labs(h) % 100;
    std::string out = (h < 0 ? "-" : "") + std::to_string(whole);
    if (frac) out += "." + std::string(frac < 10 ? "0" : "") + std::to_string(frac % 10 == 0 ? frac / 10 : frac);
    return out;
}

std::string trim(const std::string& s) {
    size_t a = 0, b = s.size();
    while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '"' || s[a] == '\'')) ++a;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '"' || s[b - 1] == '\'' || s[b - 1] == '\r')) --b;
    return s.substr(a, b - a);
}

// The whole field is one finite number.
bool read_number(const std::string& field, double& out) {
    if (field.empty()) return false;
    char* end = nullptr;
    out = std::strtod(field.c_str(), &end);
    return end == field.c_str() + field.size() && std::isfinite(out);
}

std::vector<std::string> split_fields(const std::string& line) {
    char sep = ',';
    if (line.find(',') == std::string::npos) sep = line.find(';') != std::string::npos ? ';' : '\t';
    std::vector<std::string> out(1);
    for (const char c : line) {
        if (c == sep) out.emplace_back();
        else out.back() += c;
    }
    for (std::string& f : out) f = trim(f);
    return out;
}

std::string off_plane(double v) {
    return trf("%s is off the plane (%s)", hundredths(static_cast<float>(v)).c_str(), between(OwnDataLimits::coordinate).c_str());
}

bool is_class(double v, int classes) { return v == std::floor(v) && v >= 0 && v < classes; }

}  // namespace

float snap_to_link(float v) { return static_cast<float>(std::round(static_cast<double>(v) * 100) / 100); }

std::string OwnData::validate() const {
    if (points.empty()) return tr("your data has no points: click on the output to add some");
    if (static_cast<int>(points.size()) > OwnDataLimits::max_points)
        return trf("your data has %d points: at most %d", static_cast<int>(points.size()), OwnDataLimits::max_points);
    for (size_t i = 0; i < points.size(); ++i) {
        const OwnPoint& p = points[i];
        const int n = static_cast<int>(i) + 1;
        if (!OwnDataLimits::coordinate.contains(p.x1) || !OwnDataLimits::coordinate.contains(task == OwnTask::Curve ? p.label : p.x2))
            return trf("point %d is off the plane (%s)", n, between(OwnDataLimits::coordinate).c_str());
        if (task != OwnTask::Curve && !is_class(p.label, classes()))
            return trf("point %d has class %s: the classes are 0 to %d", n, hundredths(p.label).c_str(), classes() - 1);
    }
    return "";
}

std::string OwnData::to_text() const {
    if (points.empty()) return "";
    std::string out = std::string(enum_key(task)) + ":";
    for (size_t i = 0; i < points.size(); ++i) {
        const OwnPoint& p = points[i];
        out += (i ? ";" : "") + hundredths(p.x1) + ",";
        out += task == OwnTask::Curve ? hundredths(p.label) : hundredths(p.x2) + "," + hundredths(p.label);
    }
    return out;
}

bool OwnData::from_text(const std::string& text, OwnData& out, std::string& error) {
    OwnData d;
    if (text.empty()) return out = d, true;
    const size_t colon = text.find(':');
    if (colon == std::string::npos || !enum_from_key(text.substr(0, colon), d.task))
        return error = tr("your data in the link should start with c2:, c3: or xy:"), false;
    const int width = d.task == OwnTask::Curve ? 2 : 3;
    size_t start = colon + 1;
    while (start <= text.size()) {
        size_t end = text.find(';', start);
        if (end == std::string::npos) end = text.size();
        std::vector<double> v;
        size_t a = start;
        while (a <= end) {
            size_t b = text.find(',', a);
            if (b == std::string::npos || b > end) b = end;
            double x = 0;
            if (!read_number(text.substr(a, b - a), x))
                return error = trf("point %d of your data is not %s", static_cast<int>(d.points.size()) + 1,
                                   width == 3 ? "x1,x2,label" : "x,y"),
                       false;
            v.push_back(x);
            a = b + 1;
        }
        if (static_cast<int>(v.size()) != width)
            return error = trf("point %d of your data is not %s", static_cast<int>(d.points.size()) + 1, width == 3 ? "x1,x2,label" : "x,y"), false;
        OwnPoint p;
        p.x1 = snap_to_link(static_cast<float>(v[0]));
        if (width == 3) p.x2 = snap_to_link(static_cast<float>(v[1]));
        p.label = snap_to_link(static_cast<float>(v.back()));
        d.points.push_back(p);
        if (static_cast<int>(d.points.size()) > OwnDataLimits::max_points) break;  // validate() says so
        start = end + 1;
    }
    if (std::string e = d.validate(); !e.empty()) return error = e, false;
    out = std::move(d);
    return true;
}

std::string OwnData::to_csv() const {
    std::string out = task == OwnTask::Curve ? "x,y\n" : "x1,x2,label\n";
    for (const OwnPoint& p : points)
        out += hundredths(p.x1) + "," + (task == OwnTask::Curve ? hundredths(p.label) : hundredths(p.x2) + "," + hundredths(p.label)) + "\n";
    return out;
}

bool parse_own_csv(const std::string& text, OwnData& out, std::string& error) {
    OwnData d;
    int width = 0, row = 0;
    bool any_two = false;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(start, end - start);
        start = end + 1;
        ++row;
        if (trim(line).empty()) continue;
        const std::vector<std::string> fields = split_fields(line);
        std::vector<double> v(fields.size());
        bool numbers = true;
        size_t bad = 0;
        for (size_t c = 0; c < fields.size() && numbers; ++c)
            if (!read_number(fields[c], v[c])) numbers = false, bad = c;
        if (width == 0) {  // the first row decides the form; a header names it
            const int n = static_cast<int>(fields.size());
            if (n != 2 && n != 3)
                return error = trf("row %d has %d values: write x1,x2,label (two classes or three) or x,y (a curve)", row, n), false;
            width = n;
            if (!numbers && d.points.empty()) continue;  // the header
        }
        if (static_cast<int>(fields.size()) != width)
            return error = trf("row %d has %d values, the first row %d", row, static_cast<int>(fields.size()), width), false;
        if (!numbers)
            return error = trf("row %d, column %d: '%s' is not a number", row, static_cast<int>(bad) + 1, fields[bad].c_str()), false;
        if (static_cast<int>(d.points.size()) >= OwnDataLimits::max_points)
            return error = trf("more than %d points (row %d): your data holds at most %d", OwnDataLimits::max_points, row, OwnDataLimits::max_points), false;
        const int value_column = width == 3 ? 2 : 1;
        for (int c = 0; c < width; ++c) {
            if (width == 3 && c == value_column) continue;
            if (!OwnDataLimits::coordinate.contains(v[c])) return error = trf("row %d, column %d: %s", row, c + 1, off_plane(v[c]).c_str()), false;
        }
        if (width == 3 && !is_class(v[2], 3))
            return error = trf("row %d, column 3: the label must be 0, 1 or 2, not '%s'", row, fields[2].c_str()), false;
        any_two = any_two || (width == 3 && v[2] == 2);
        OwnPoint p;
        p.x1 = snap_to_link(static_cast<float>(v[0]));
        if (width == 3) p.x2 = snap_to_link(static_cast<float>(v[1]));
        p.label = snap_to_link(static_cast<float>(v[value_column]));
        d.points.push_back(p);
    }
    if (d.points.empty()) return error = tr("the CSV has no points: one row per point, x1,x2,label or x,y"), false;
    d.task = width == 2 ? OwnTask::Curve : any_two ? OwnTask::ThreeClasses : OwnTask::TwoClasses;
    out = std::move(d);
    return true;
}

DataSplit own_dataset(const OwnData& data) {
    DataSplit split;
    const int dims = data.task == OwnTask::Curve ? 1 : 2;
    const auto n = static_cast<Eigen::Index>(data.points.size());
    for (Dataset* d : {&split.train, &split.test}) d->classes = data.classes();
    split.train.X.resize(n, dims);
    split.train.y.resize(n, 1);
    split.test.X.resize(0, dims);
    split.test.y.resize(0, 1);
    for (Eigen::Index i = 0; i < n; ++i) {
        const OwnPoint& p = data.points[static_cast<size_t>(i)];
        split.train.X(i, 0) = p.x1;
        if (dims == 2) split.train.X(i, 1) = p.x2;
        split.train.y(i, 0) = p.label;
    }
    return split;
}

OwnData own_data_from(const DataSplit& generated, int count) {
    OwnData d;
    const Dataset& train = generated.train;
    const bool curve = train.regression() && train.X.cols() == 1;
    d.task = curve ? OwnTask::Curve : train.classes == 3 ? OwnTask::ThreeClasses : OwnTask::TwoClasses;
    const int n = train.size();
    const int take = std::min(n, std::max(0, count));
    for (int k = 0; k < take; ++k) {
        const int i = static_cast<int>(static_cast<long>(k) * n / take);
        OwnPoint p;
        p.x1 = snap_to_link(train.X(i, 0));
        if (!curve) p.x2 = snap_to_link(train.X(i, 1));
        const float y = train.y(i, 0);
        p.label = curve ? snap_to_link(y) : train.regression() ? (y > 0 ? 1.0f : 0.0f) : y;
        if (!OwnDataLimits::coordinate.contains(p.x1) || !OwnDataLimits::coordinate.contains(curve ? p.label : p.x2)) continue;
        d.points.push_back(p);
    }
    return d;
}

}  // namespace nabla
