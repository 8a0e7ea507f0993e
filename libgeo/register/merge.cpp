#include "libgeo/register/merge.hpp"

#include "libgeo/register/lifecycle.hpp"

#include <nlohmann/json.hpp>

#include <tuple>

namespace geo::reg {

namespace {

const Record* find_record(const std::map<std::string, Record>& touched, const std::map<std::string, Record>& current,
                          const std::string& id)
{
    if (auto t = touched.find(id); t != touched.end()) return &t->second;
    if (auto c = current.find(id); c != current.end()) return &c->second;
    return nullptr;
}

std::string appended(const std::string& list, const std::string& item)
{
    if (list.empty()) return item;
    std::string padded = ";" + list + ";";
    if (padded.find(";" + item + ";") != std::string::npos) return list;
    return list + ";" + item;
}

}  // namespace

std::string created_json(const Record& record)
{
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (Field f : all_fields())
        if (!record.get(f).empty()) j[std::string(name(f))] = record.get(f);
    return j.dump();
}

Record from_created_json(const std::string& id, const std::string& json)
{
    Record r;
    r.id = id;
    const auto j = nlohmann::json::parse(json, nullptr, false);
    if (!j.is_object()) return r;
    for (const auto& [key, value] : j.items())
        if (const auto f = field_named(key); f && value.is_string()) r.set(*f, value.get<std::string>());
    return r;
}

MergeResult merge(const std::map<std::string, Record>& current, const std::vector<IncomingRow>& rows,
                  const MergeContext& ctx)
{
    MergeResult out;
    auto history_row = [&](const std::string& id, const std::string& field, const std::string& old_value,
                           const std::string& new_value, const std::string& note) {
        out.history.push_back({id, field, old_value, new_value, ctx.changed_at, ctx.changed_by, ctx.source, note});
    };
    for (const IncomingRow& in : rows) {
        const std::string& id = in.record.id;
        const Record* before = find_record(out.touched, current, id);
        Record after = before ? *before : Record{id, {}};
        std::vector<Field> changed;
        std::vector<Conflict> conflicts;
        for (Field f : all_fields()) {
            std::string value = in.record.get(f);
            // Statuses are kept as codes, whichever label the row used (验收合格 is accepted).
            if (f == Field::status)
                if (const auto s = parse_status(value)) value = std::string(code(*s));
            if (f == Field::rebounds || value.empty() || value == after.get(f)) continue;
            const std::string field(name(f));
            const bool register_moved = ctx.changed_since.count({id, field}) || ctx.changed_since.count({id, created_field});
            if (before && register_moved) {
                if (!ctx.known_conflicts.count({id, field, value}))
                    conflicts.push_back({id, field, after.get(f), value, ctx.source, in.row, ctx.changed_at});
                continue;
            }
            after.set(f, value);
            changed.push_back(f);
        }
        out.conflicts.insert(out.conflicts.end(), conflicts.begin(), conflicts.end());
        if (before && changed.empty()) {
            ++out.unchanged;
            continue;
        }
        if (auto why = rule_broken(before, after, in.deadline_reason, ctx.utc_offset_minutes)) {
            out.problems.push_back({in.row, id, *why});
            continue;
        }
        // A rebound: the finding names the accepted issue it repeats, which reopens (rebounded) and links back.
        const std::string& target_id = after.get(Field::rebound_of);
        const bool new_link = !target_id.empty() && (!before || before->get(Field::rebound_of) != target_id);
        Record target;
        if (new_link) {
            const Record* t = find_record(out.touched, current, target_id);
            if (!t || target_id == id) {
                out.problems.push_back({in.row, id, "rebound_of names issue '" + target_id + "', which the register does not hold"});
                continue;
            }
            target = *t;
            if (target.status() != Status::accepted && target.status() != Status::rebounded) {
                out.problems.push_back({in.row, id, "rebound_of names issue '" + target_id + "', which is " +
                                                        std::string(code(target.status())) +
                                                        ", not accepted: only an accepted issue can rebound"});
                continue;
            }
        }
        if (!before) {
            history_row(id, created_field, {}, created_json(after), in.note);
            out.added.insert(id);
        } else {
            for (Field f : changed)
                history_row(id, std::string(name(f)), before->get(f), after.get(f),
                            f == Field::deadline ? in.deadline_reason : in.note);
        }
        out.touched[id] = after;
        if (new_link) {
            const std::string links = appended(target.get(Field::rebounds), id);
            const std::string note = "found again as " + id;
            if (target.status() != Status::rebounded)
                history_row(target_id, "status", target.get(Field::status), std::string(code(Status::rebounded)), note);
            if (links != target.get(Field::rebounds)) history_row(target_id, "rebounds", target.get(Field::rebounds), links, note);
            target.set(Field::status, std::string(code(Status::rebounded)));
            target.set(Field::rebounds, links);
            out.touched[target_id] = target;
        }
    }
    return out;
}

}  // namespace geo::reg
