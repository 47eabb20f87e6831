#include "cli/batch.h"

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "core/report.h"

namespace tactful {

namespace {

// A batch is read, checked in parallel, then written; memory stays at about
// one batch however long the export is. Big enough that starting threads
// per batch costs little, small enough to stay a few megabytes.
constexpr size_t kMaxBatchLines = 2048;
constexpr size_t kMaxBatchBytes = 8 << 20;

struct Line {
  size_t number;      // 1-based, for error messages
  std::string input;
  std::string output;
  size_t findings = 0;
  bool error = false;
};

std::string ErrorLine(size_t number, const json* id, const std::string& message) {
  json out = {{"line", number}};
  if (id) out["id"] = *id;
  out["error"] = message;
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

void CheckLine(const Engine& engine, const CheckOptions& options, Line* line) {
  json reply;
  std::string error;
  if (!ParseJson(line->input, &reply, &error)) {
    line->output = ErrorLine(line->number, nullptr, "not valid JSON: " + error);
  } else if (!reply.is_object()) {
    line->output = ErrorLine(line->number, nullptr, "must be a JSON object with \"text\"");
  } else {
    const auto id = reply.find("id");
    const json* id_value = id == reply.end() ? nullptr : &*id;
    const auto text = reply.find("text");
    if (text == reply.end() || !text->is_string()) {
      line->output = ErrorLine(line->number, id_value, "needs \"text\", a string");
    } else {
      const std::string& s = text->get_ref<const std::string&>();
      const CheckResult result = engine.Check(s, options);
      line->findings = result.findings.size();
      line->output = CheckReportJson(result, s, OffsetUnit::kUtf8Bytes, id_value);
      return;
    }
  }
  line->error = true;
}

void CheckBatch(const Engine& engine, const CheckOptions& options, std::vector<Line>* batch, unsigned jobs) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < batch->size(); i = next++) CheckLine(engine, options, &(*batch)[i]);
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs && t < batch->size(); ++t) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();
}

}  // namespace

BatchTotals CheckJsonLines(const Engine& engine, const CheckOptions& options, std::istream& in, std::ostream& out,
                           unsigned jobs) {
  BatchTotals totals;
  std::vector<Line> batch;
  size_t number = 0;
  std::string input;
  bool more = true;
  while (more) {
    batch.clear();
    size_t bytes = 0;
    while (batch.size() < kMaxBatchLines && bytes < kMaxBatchBytes && (more = bool(std::getline(in, input)))) {
      ++number;
      if (input.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank lines carry no reply
      bytes += input.size();
      batch.push_back({number, std::move(input), {}});
    }
    CheckBatch(engine, options, &batch, std::max(1u, jobs));
    for (const Line& line : batch) {
      out << line.output << '\n';
      totals.findings += line.findings;
      ++(line.error ? totals.errors : totals.replies);
    }
  }
  out.flush();
  return totals;
}

}  // namespace tactful
