#include "libgeo/core/number_text.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <optional>

namespace geo {

namespace {

std::optional<std::string> not_finite_text(double value)
{
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
    return std::nullopt;
}

}  // namespace

std::string number_text(double value)
{
    if (auto text = not_finite_text(value)) return *text;
    // Plain digits for the magnitudes people write ("100000", not "1e+05"); exponents only far outside them.
    const double magnitude = std::abs(value);
    const bool plain = magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e15);
    std::array<char, 48> buffer{};
    const auto end = plain ? std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed).ptr
                           : std::to_chars(buffer.data(), buffer.data() + buffer.size(), value).ptr;
    return {buffer.data(), end};
}

std::string fixed_text(double value, int decimals)
{
    if (!std::isfinite(value)) return "–";
    if (std::round(value * std::pow(10.0, decimals)) == 0) value = 0;  // not "-0.0"
    std::array<char, 400> buffer{};  // any finite double in fixed notation
    const auto [end, ec] =
        std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed, decimals);
    return ec == std::errc{} ? std::string(buffer.data(), end) : std::string("–");
}

std::string significant_text(double value, int digits)
{
    if (auto text = not_finite_text(value)) return *text;
    std::array<char, 400> buffer{};  // "%.<digits>g" falls back to fixed notation only for exponents below `digits`
    const auto [end, ec] =
        std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::general, digits);
    return ec == std::errc{} ? std::string(buffer.data(), end) : number_text(value);
}

}  // namespace geo
