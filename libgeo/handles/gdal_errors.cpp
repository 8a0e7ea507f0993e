#include "libgeo/handles/gdal_errors.hpp"

namespace geo {

GdalErrorTrap::GdalErrorTrap()
{
    CPLPushErrorHandlerEx(&GdalErrorTrap::handler, this);
    CPLErrorReset();
}

GdalErrorTrap::~GdalErrorTrap() { CPLPopErrorHandler(); }

void GdalErrorTrap::reset()
{
    m_first_failure.clear();
    m_last_warning.clear();
    CPLErrorReset();
}

std::string GdalErrorTrap::message() const
{
    if (!m_first_failure.empty()) return m_first_failure;
    return m_last_warning.empty() ? "no detail from GDAL" : m_last_warning;
}

void CPL_STDCALL GdalErrorTrap::handler(CPLErr type, CPLErrorNum, const char* message)
{
    auto* self = static_cast<GdalErrorTrap*>(CPLGetErrorHandlerUserData());
    if (!self) return;
    const std::string text = message ? message : "";
    if (type >= CE_Failure) {
        if (self->m_first_failure.empty()) self->m_first_failure = text.empty() ? "unknown GDAL error" : text;
    } else if (type == CE_Warning) {
        self->m_last_warning = text;
    }
}

}  // namespace geo
