// The one number formatter: hand-derived strings, round trips through std::from_chars, printf in the C locale as
// the oracle for "%g", and the same text under a process locale whose decimal separator is a comma.
#include "libgeo/core/number_text.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <charconv>
#include <clocale>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <locale>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace geo {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();

double parsed(const std::string& text)
{
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    EXPECT_EQ(ec, std::errc{}) << text;
    EXPECT_EQ(end, text.data() + text.size()) << text;
    return value;
}

// Finite doubles spread over every exponent: random bit patterns, the non-finite ones skipped.
std::vector<double> random_doubles(std::size_t n)
{
    std::mt19937_64 random(20240611);
    std::vector<double> out;
    while (out.size() < n) {
        const double v = std::bit_cast<double>(random());
        if (std::isfinite(v)) out.push_back(v);
    }
    return out;
}

// A comma as the decimal separator and '.' grouping every three digits, as in de_DE.
struct CommaDecimal : std::numpunct<char> {
    char do_decimal_point() const override { return ','; }
    char do_thousands_sep() const override { return '.'; }
    std::string do_grouping() const override { return "\3"; }
};

// Restores the C and C++ global locales a test changed.
struct LocaleGuard {
    std::string c_locale = std::setlocale(LC_ALL, nullptr);
    std::locale cpp_locale;
    ~LocaleGuard()
    {
        std::locale::global(cpp_locale);
        std::setlocale(LC_ALL, c_locale.c_str());
    }
};

void expect_locale_independent()
{
    EXPECT_EQ(number_text(1234.5), "1234.5");
    EXPECT_EQ(number_text(-0.001), "-0.001");
    EXPECT_EQ(fixed_text(1234.5, 2), "1234.50");
    EXPECT_EQ(fixed_text(1234567.0, 0), "1234567");
    EXPECT_EQ(significant_text(1234.5), "1234.5");
    EXPECT_EQ(significant_text(12345678.0), "1.23457e+07");
}

}  // namespace

TEST(NumberText, ShortestRoundTripByHand)
{
    EXPECT_EQ(number_text(30), "30");
    EXPECT_EQ(number_text(0.05), "0.05");
    EXPECT_EQ(number_text(0.1), "0.1");
    EXPECT_EQ(number_text(-2.5), "-2.5");
    EXPECT_EQ(number_text(123456.789), "123456.789");
    EXPECT_EQ(number_text(1.0 / 3.0), "0.3333333333333333");
    EXPECT_EQ(number_text(100000), "100000");
    EXPECT_EQ(number_text(4294967295.0), "4294967295");
    EXPECT_EQ(number_text(0.0001), "0.0001");
    EXPECT_EQ(number_text(1e21), "1e+21");
    EXPECT_EQ(number_text(1e-7), "1e-07");
    EXPECT_EQ(number_text(0.0), "0");
    EXPECT_EQ(number_text(nan), "nan");
    EXPECT_EQ(number_text(-nan), "nan");
    EXPECT_EQ(number_text(inf), "inf");
    EXPECT_EQ(number_text(-inf), "-inf");
}

TEST(NumberText, RandomDoublesReadBackExactly)
{
    for (double v : random_doubles(20000)) {
        const std::string text = number_text(v);
        EXPECT_EQ(parsed(text), v) << text;
        EXPECT_LE(text.size(), 24U) << text;  // "-1.2345678901234567e-308" is the longest
    }
}

TEST(FixedText, DecimalsByHand)
{
    EXPECT_EQ(fixed_text(1234.567, 1), "1234.6");
    EXPECT_EQ(fixed_text(12.345, 1), "12.3");  // 12.345 is stored as 12.3449999...
    EXPECT_EQ(fixed_text(0.0, 3), "0.000");
    EXPECT_EQ(fixed_text(1e6, 2), "1000000.00");
    EXPECT_EQ(fixed_text(2.5, 0), "2");    // an exact tie goes to the even digit, as printf does
    EXPECT_EQ(fixed_text(3.5, 0), "4");
    EXPECT_EQ(fixed_text(-0.06, 1), "-0.1");
    EXPECT_EQ(fixed_text(-0.04, 1), "0.0");  // rounded to zero is zero, not "-0.0"
    EXPECT_EQ(fixed_text(100.45, 7), "100.4500000");
    EXPECT_EQ(fixed_text(nan, 1), "–");
    EXPECT_EQ(fixed_text(-inf, 1), "–");
}

TEST(FixedText, RandomDoublesAreWithinHalfAUnitOfTheLastDecimal)
{
    std::mt19937_64 random(7);
    std::uniform_real_distribution<double> value(-1e7, 1e7);
    for (int i = 0; i < 20000; ++i) {
        const double v = value(random);
        const int decimals = i % 7;
        const std::string text = fixed_text(v, decimals);
        const auto point = text.find('.');
        if (decimals == 0) EXPECT_EQ(point, std::string::npos) << text;
        else EXPECT_EQ(text.size() - point - 1, static_cast<std::size_t>(decimals)) << text;
        // The text is the decimal nearest to v, so it is at most half a unit of its last place away.
        EXPECT_LE(std::abs(parsed(text) - v), 0.5 * std::pow(10.0, -decimals) * (1 + 1e-9) + std::abs(v) * 1e-15)
            << text;
    }
}

TEST(SignificantText, PrintfGByHand)
{
    EXPECT_EQ(significant_text(12.3456789), "12.3457");
    EXPECT_EQ(significant_text(0.5), "0.5");
    EXPECT_EQ(significant_text(100000), "100000");
    EXPECT_EQ(significant_text(1e6), "1e+06");
    EXPECT_EQ(significant_text(15000000), "1.5e+07");
    EXPECT_EQ(significant_text(0.0001), "0.0001");
    EXPECT_EQ(significant_text(0.00001), "1e-05");
    EXPECT_EQ(significant_text(2.5, 1), "2");
    EXPECT_EQ(significant_text(0.1, 17), "0.10000000000000001");
    EXPECT_EQ(significant_text(nan), "nan");
    EXPECT_EQ(significant_text(-inf), "-inf");
}

TEST(SignificantText, MatchesPrintfInTheCLocale)
{
    const LocaleGuard guard;
    std::setlocale(LC_ALL, "C");
    std::size_t i = 0;
    for (double v : random_doubles(5000)) {
        const int digits = 1 + static_cast<int>(i++ % 17);
        char expected[64];
        std::snprintf(expected, sizeof expected, "%.*g", digits, v);
        EXPECT_EQ(significant_text(v, digits), expected);
    }
}

TEST(NumberText, IgnoresAGlobalCppLocaleWithADecimalComma)
{
    const LocaleGuard guard;
    std::locale::global(std::locale(std::locale::classic(), new CommaDecimal));
    std::ostringstream stream;
    stream << 1234.5;
    ASSERT_EQ(stream.str(), "1.234,5");  // the locale is in force: a stream follows it
    expect_locale_independent();
}

}  // namespace geo
