#include "libgeo/core/people_number.hpp"

#include "libgeo/core/number_text.hpp"

#include <algorithm>
#include <cmath>

namespace geo {

std::string rounded_for_people(double value, int digits)
{
    if (!std::isfinite(value)) return "–";
    if (value == 0) return "0";
    digits = std::max(digits, 1);
    const int magnitude = static_cast<int>(std::floor(std::log10(std::abs(value))));
    const int decimals = digits - 1 - magnitude;
    if (decimals <= 0) {
        // Whole tens, hundreds...: round in that unit, so 1534 at two digits is 1500, not 1534.
        const double unit = std::pow(10.0, -decimals);
        return fixed_text(std::round(value / unit) * unit, 0);
    }
    std::string text = fixed_text(value, decimals);
    if (text.find('.') != std::string::npos) {
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.') text.pop_back();
    }
    return text;
}

}  // namespace geo
