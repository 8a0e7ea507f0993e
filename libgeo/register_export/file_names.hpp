#pragma once
// File names from village names that every system the exports travel to accepts: Windows refuses < > : " / \ | ?
// * and control characters, drops trailing dots and spaces, reserves CON, PRN, AUX, NUL, COM1–9 and LPT1–9 (with
// any extension), and compares names without case. Chinese names stay Chinese: NTFS, FAT32 (long names), zip
// (UTF-8 flag) and every current Linux and macOS file system hold them.
#include "libgeo/register/transfer_list.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace geo::reg {

// One name made safe; empty or all-forbidden text becomes "_". At most `max_bytes` of UTF-8 (cut between
// characters), leaving room for the date and form name the caller adds under Windows' 260-character path limit.
std::string safe_file_name(std::string_view name, std::size_t max_bytes = 80);

// A distinct safe stem per village, in the villages' order: its name, with its code added where two villages'
// names collide (case-insensitively, after making them safe), and a number added where even that collides.
std::vector<std::string> village_file_stems(const std::vector<VillageRegister>& villages);

}  // namespace geo::reg
