#pragma once
// RAII for a libxlsxwriter workbook: the only place that frees one. libxlsxwriter writes the whole file in
// workbook_close(), which also frees the workbook; a workbook never closed (an exception on the way) is freed
// without writing anything. close() reports failure as geo::OutputError: a destructor could not.
#include "libgeo/core/error.hpp"

#include <xlsxwriter.h>

#include <filesystem>
#include <string>

namespace geo {

class XlsxWorkbook {
public:
    explicit XlsxWorkbook(const std::filesystem::path& file) : m_file(file.string())
    {
        // Default options: worksheets kept in memory until close (a village's sheet is small); no constant-memory
        // mode, which would forbid the merged title cells.
        m_workbook = workbook_new(m_file.c_str());
        if (!m_workbook) throw OutputError("cannot start the workbook", in_file(m_file), "check the disk space");
    }
    ~XlsxWorkbook()
    {
        if (m_workbook) lxw_workbook_free(m_workbook);
    }
    XlsxWorkbook(const XlsxWorkbook&) = delete;
    XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

    [[nodiscard]] lxw_workbook* get() const { return m_workbook; }

    // Writes the file (libxlsxwriter assembles it only now) and frees the workbook.
    void close()
    {
        lxw_workbook* workbook = m_workbook;
        m_workbook = nullptr;
        const lxw_error status = workbook_close(workbook);
        if (status != LXW_NO_ERROR)
            throw OutputError(std::string("cannot write the workbook: ") + lxw_strerror(status), in_file(m_file),
                              "check that the folder is writable and the disk has room");
    }

    // A libxlsxwriter call's status as an exception naming the file.
    void check(lxw_error status, const char* what) const
    {
        if (status != LXW_NO_ERROR)
            throw OutputError(std::string(what) + ": " + lxw_strerror(status), in_file(m_file));
    }

private:
    std::string m_file;
    lxw_workbook* m_workbook = nullptr;
};

}  // namespace geo
