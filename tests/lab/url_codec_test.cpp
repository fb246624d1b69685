// What a link or a command line may write as a number, and how a link's text is escaped.
#include <gtest/gtest.h>

#include <cstdlib>

#include "lab/json_writer.h"
#include "lab/url_codec.h"

namespace nabla {
namespace {

TEST(UrlCodec, NumbersAreDecimalOnly) {
    for (const char* good : {"0", "-2", "+3", "1.5", ".5", "5.", "1e-3", "-2.5E+4", "007"}) {
        double v = 0;
        EXPECT_TRUE(parse_finite(good, v)) << good;
    }
    double v = 0;
    EXPECT_TRUE(parse_finite("1e-3", v));
    EXPECT_DOUBLE_EQ(v, 1e-3);
    for (const char* bad : {"", " 1", "1 ", "0x10", "0X1p3", "inf", "-inf", "nan", "1e", "1e+", ".", "-", "1.2.3", "1,5", "e3", "1e999", "--1"}) {
        EXPECT_FALSE(parse_finite(bad, v)) << "'" << bad << "'";
    }
}

TEST(UrlCodec, LinkListsStayReadable) {
    EXPECT_EQ(link_encode("sgd:0.05:1;adam:0.1:2"), "sgd:0.05:1;adam:0.1:2");
    EXPECT_EQ(link_encode("4,2"), "4,2");
    EXPECT_EQ(link_encode("a&b=c+d e"), "a%26b%3Dc%2Bd%20e");  // the separators and '+' (a space when read) are escaped
    EXPECT_EQ(url_encode("4,2"), "4%2C2");
    EXPECT_EQ(split_list("a,,b", ','), (std::vector<std::string>{"a", "", "b"}));
    EXPECT_EQ(split_list("", ','), (std::vector<std::string>{""}));
}

}  // namespace
}  // namespace nabla

namespace nabla {
namespace {

TEST(NumberText, FormatNumberReadsBackAndPrefersPlainDigits) {
    EXPECT_EQ(format_number(400), "400");  // not 4e+02
    EXPECT_EQ(format_number(500), "500");
    EXPECT_EQ(format_number(0.03), "0.03");
    EXPECT_EQ(format_number(-12), "-12");
    EXPECT_EQ(format_number(1e-5), "0.00001");  // plain, two characters longer at most
    EXPECT_EQ(format_number(1e-7), "1e-07");
    EXPECT_EQ(format_number(1e300), "1e+300");
    EXPECT_EQ(format_number(123456789012.0), "123456789012");
    for (const double v : {0.1, 1.0 / 3, 2.5e-7, 6.02e23, -0.7311, 1e-300})
        EXPECT_EQ(std::strtod(format_number(v).c_str(), nullptr), v) << format_number(v);
}

}  // namespace
}  // namespace nabla
