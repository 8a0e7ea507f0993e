#pragma once
// Collects GDAL's error messages for the scope's lifetime instead of letting them print to stderr, so that
// libgeo can turn them into one geo::Error naming the file (GDAL reports many failures only through this channel).
#include <cpl_error.h>

#include <string>

namespace geo {

class GdalErrorTrap {
public:
    GdalErrorTrap();
    ~GdalErrorTrap();
    GdalErrorTrap(const GdalErrorTrap&) = delete;
    GdalErrorTrap& operator=(const GdalErrorTrap&) = delete;

    [[nodiscard]] bool failed() const { return !m_first_failure.empty(); }
    // The first CE_Failure/CE_Fatal message seen, or the last warning when there was no failure.
    [[nodiscard]] std::string message() const;
    void reset();

private:
    static void CPL_STDCALL handler(CPLErr type, CPLErrorNum number, const char* message);
    std::string m_first_failure;
    std::string m_last_warning;
};

}  // namespace geo
