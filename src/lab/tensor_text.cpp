// A two-level bracket reader: deep enough for a matrix, no deeper, every refusal in words.
#include "lab/tensor_text.h"

#include <cctype>

#include "engine/i18n.h"
#include "engine/utf8.h"
#include "lab/json_writer.h"
#include "lab/url_codec.h"

namespace nabla {

std::string tensor_text(const Tensor& t) {
    if (t.shape.rank == 0) return format_number(t.data[0]);
    const int rows = t.shape.rows2(), cols = t.shape.cols2();
    std::string s = t.shape.rank == 2 ? "[" : "";
    for (int r = 0; r < rows; ++r) {
        s += r > 0 ? ",[" : "[";
        for (int c = 0; c < cols; ++c) s += (c > 0 ? "," : "") + format_number(t.at(r, c));
        s += "]";
    }
    return t.shape.rank == 2 ? s + "]" : s;
}

namespace {

class TensorReader {
public:
    explicit TensorReader(const std::string& text) : s_(text) {}

    bool read(Tensor& out, std::string& error) {
        Tensor t;
        skip_space();
        if (peek() != '[') {
            double v = 0;
            if (!number(v)) return error = error_, false;
            t = Tensor(v);
        } else {
            std::vector<std::vector<double>> rows;
            bool nested = false;
            if (!list(rows, nested)) return error = error_, false;
            const int n = static_cast<int>(rows.size()), width = static_cast<int>(rows[0].size());
            t = nested ? Tensor(Shape::matrix(n, width), 0) : Tensor(Shape::vector(width), 0);
            for (int r = 0; r < n; ++r)
                for (int c = 0; c < width; ++c) t.at(r, c) = rows[static_cast<size_t>(r)][static_cast<size_t>(c)];
        }
        skip_space();
        if (i_ < s_.size()) return error = trf("unexpected '%s' after the value", message_safe(s_.substr(i_, 1)).c_str()), false;
        out = std::move(t);
        return true;
    }

private:
    const std::string& s_;
    size_t i_ = 0;
    std::string error_;
    int count_ = 0;

    char peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
    // Positions in messages count characters, as the expression box's do (− or 가 is one).
    int characters_before(size_t byte) const {
        int n = 0;
        for (size_t i = 0; i < byte && i < s_.size(); ++i) n += (static_cast<unsigned char>(s_[i]) & 0xC0) != 0x80;
        return n;
    }
    void skip_space() {
        while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_])) != 0) ++i_;
    }
    bool fail(const std::string& message) {
        if (error_.empty()) error_ = message;
        return false;
    }

    bool number(double& v) {
        skip_space();
        const size_t start = i_;
        while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '[' && s_[i_] != ']' && std::isspace(static_cast<unsigned char>(s_[i_])) == 0) ++i_;
        std::string word = s_.substr(start, i_ - start);
        if (word.rfind("\xE2\x88\x92", 0) == 0) word = "-" + word.substr(3);  // −0.3, as a slide writes it
        if (word.empty()) return fail(trf("expected a number at %d", characters_before(start) + 1));
        if (!parse_finite(word, v)) return fail(trf("'%s' is not a number", message_safe(word).c_str()));
        if (++count_ > kMaxTensorElements) return fail(trf("more than %d numbers: the limit of one value", kMaxTensorElements));
        return true;
    }

    // '[' (number | row) (',' ...)* ']'; rows of numbers make a matrix, numbers a vector.
    bool list(std::vector<std::vector<double>>& rows, bool& nested) {
        ++i_;  // '['
        skip_space();
        nested = peek() == '[';
        if (!nested) rows.emplace_back();
        while (true) {
            skip_space();
            if (peek() == ']') return fail(rows.empty() || (!nested && rows[0].empty()) ? tr("an empty [] has no numbers") : tr("a ',' before ']' has nothing after it"));
            if (nested) {
                if (peek() != '[') return fail(trf("expected '[' to start row %d", static_cast<int>(rows.size()) + 1));
                ++i_;
                rows.emplace_back();
                while (true) {
                    skip_space();
                    if (peek() == '[') return fail(tr("a value can be a number, a vector or a matrix, not deeper"));
                    double v = 0;
                    if (!number(v)) return false;
                    rows.back().push_back(v);
                    skip_space();
                    if (peek() == ',') { ++i_; continue; }
                    if (peek() == ']') { ++i_; break; }
                    return fail(trf("expected ',' or ']' in row %d", static_cast<int>(rows.size())));
                }
                if (rows.back().size() != rows[0].size())
                    return fail(trf("row %d has %d numbers, row 1 has %d", static_cast<int>(rows.size()), static_cast<int>(rows.back().size()),
                                    static_cast<int>(rows[0].size())));
            } else {
                double v = 0;
                if (!number(v)) return false;
                rows[0].push_back(v);
            }
            skip_space();
            if (peek() == ',') { ++i_; continue; }
            if (peek() == ']') { ++i_; break; }
            return fail(i_ >= s_.size() ? tr("expected ']': the '[' is not closed") : tr("expected ',' or ']'"));
        }
        if (static_cast<int>(rows.size()) > kMaxTensorDim || static_cast<int>(rows[0].size()) > kMaxTensorDim)
            return fail(trf("more than %d numbers: the limit of one value", kMaxTensorElements));
        return true;
    }
};

}  // namespace

bool parse_tensor(const std::string& text, Tensor& out, std::string& error) {
    return TensorReader(text).read(out, error);
}

}  // namespace nabla
