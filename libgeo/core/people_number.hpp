#pragma once
// Measured figures as people read them: a cell of 118.3 m is "120 m" and a band of 243.7 m is "240 m" on a page
// meant for a leadership meeting. The one place such rounding is decided; exact values stay in the data files.
#include <string>

namespace geo {

// `digits` significant digits (at least 1), trailing zeros after the point dropped, never an exponent: 118.3 ->
// "120", 243.7 -> "240", 1534 -> "1500", 0.734 -> "0.73", 9.96 -> "10", 0 -> "0"; "–" when not finite. Counts are
// not measurements: print them whole instead.
std::string rounded_for_people(double value, int digits = 2);

}  // namespace geo
