#pragma once
// Applying rows to a store in one transaction: an import of a file, or one update from the command line. Whatever
// happens before the commit (an error, a SIGKILL, a power cut), the register stays exactly as it was.
#include "libgeo/register/merge.hpp"
#include "libgeo/register/store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace geo::reg {

struct ApplyOptions {
    std::string source;      // the file's name, or "command"
    std::string hash;        // the file's SHA-256 (imports only)
    std::string changed_by;
    std::string changed_at;  // ISO 8601 with offset, for every row written
    int utc_offset_minutes = 480;
    double lookback_days = 30;
    bool is_import = true;   // an import records itself in `imports` and checks for conflicts
};

struct ApplySummary {
    bool same_as_last_import = false;  // the file's bytes are those of its last import: nothing to do
    long long rows = 0, added = 0, changed_issues = 0, changed_fields = 0, unchanged = 0;
    std::vector<Conflict> conflicts;
    std::vector<RowProblem> problems;  // rows not applied (rules broken), besides those the reader rejected
};

// `rejected` rows are those the file reader could not take (counted in the import's record).
ApplySummary apply_rows(Store& store, const std::vector<IncomingRow>& rows, const ApplyOptions& options,
                        long long rejected = 0);

}  // namespace geo::reg
