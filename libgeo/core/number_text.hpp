#pragma once
// Numbers as text for files, metadata and messages: locale-independent (std::to_chars, never printf or
// std::to_string, whose decimal separator follows the user's locale), the one formatter of libgeo.
#include <string>

namespace geo {

// The shortest text that reads back as the same double, in plain digits from 1e-4 to 1e15 ("30", "0.05",
// "100000") and with an exponent beyond ("1e+21", "1e-07"); "nan", "inf", "-inf".
std::string number_text(double value);

// `decimals` digits after the point ("12.5", "0.0" for -0.04 at one decimal: a figure rounded to zero is zero);
// "–" for a value that is not finite.
std::string fixed_text(double value, int decimals);

// At most `digits` significant digits, trailing zeros dropped, an exponent for very large or small values: what
// printf's "%.<digits>g" writes in the C locale ("12.3457", "0.5", "1.5e+07" at 6 digits); "nan", "inf", "-inf".
std::string significant_text(double value, int digits = 6);

}  // namespace geo
