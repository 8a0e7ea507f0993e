#pragma once
// A progress bar on the terminal, in GDAL's progress-callback shape so libgeo can drive it.
namespace geowalk {

struct ProgressBar {
    bool enabled = false;  // only when stderr is a terminal
    int last_percent = -1;
    static ProgressBar for_terminal();
};

// GDALProgressFunc-compatible: data is a ProgressBar*.
int progress_callback(double complete, const char* message, void* data);

}  // namespace geowalk
