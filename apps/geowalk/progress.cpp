#include "progress.hpp"

#include <cstdio>
#include <string>
#include <unistd.h>

namespace geowalk {

ProgressBar ProgressBar::for_terminal()
{
    ProgressBar bar;
    bar.enabled = isatty(STDERR_FILENO) == 1;
    return bar;
}

int progress_callback(double complete, const char* message, void* data)
{
    auto* bar = static_cast<ProgressBar*>(data);
    if (!bar || !bar->enabled) return 1;
    const int percent = static_cast<int>(complete * 100.0 + 0.5);
    if (percent == bar->last_percent) return 1;
    bar->last_percent = percent;
    constexpr int width = 30;
    const int filled = percent * width / 100;
    std::string line(static_cast<std::size_t>(filled), '#');
    line.resize(width, ' ');
    std::fprintf(stderr, "\r[%s] %3d%% %-30.30s", line.c_str(), percent, message ? message : "");
    if (percent >= 100) std::fprintf(stderr, "\n");
    std::fflush(stderr);
    return 1;
}

}  // namespace geowalk
