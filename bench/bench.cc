// tactful_bench: how fast the native engine checks text, how that grows with
// text size and glossary size, what building an engine costs, and peak
// memory. Prints Markdown tables (pasted into bench/README.md).
//
//   tactful_bench [--corpus dev.jsonl] [--json results.json]
//
// --json writes the headline numbers for bench/wasm_bench.mjs to compare.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bench/corpus.h"
#include "core/engine.h"
#include "core/report.h"

namespace tactful_bench {
namespace {

using Clock = std::chrono::steady_clock;
using tactful::Engine;
using nlohmann::json;

constexpr size_t kKB = 1024;
constexpr size_t kMB = 1024 * 1024;
constexpr double kMBf = 1024.0 * 1024.0;

// Keeps the optimizer from dropping checks whose result is unused.
volatile size_t g_sink = 0;

struct Timing {
  double median = 0;  // seconds
  double p95 = 0;
  size_t runs = 0;
};

// Runs `f` once to warm caches (RE2 builds its DFA lazily), then at least
// `min_runs` times and until `budget` seconds have passed.
Timing Measure(const std::function<void()>& f, double budget, size_t min_runs = 3, size_t max_runs = 20000) {
  f();
  std::vector<double> times;
  const auto start = Clock::now();
  while (times.size() < min_runs ||
         (times.size() < max_runs && std::chrono::duration<double>(Clock::now() - start).count() < budget)) {
    const auto t0 = Clock::now();
    f();
    times.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
  }
  std::sort(times.begin(), times.end());
  return {times[times.size() / 2], times[std::min(times.size() - 1, times.size() * 95 / 100)], times.size()};
}

// A value from /proc/self/status ("VmHWM", "VmRSS"), in MB.
double StatusMB(const char* key) {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);) {
    if (line.compare(0, std::strlen(key), key) == 0 && line[std::strlen(key)] == ':') {
      return std::stod(line.substr(std::strlen(key) + 1)) / 1024.0;  // kB
    }
  }
  return 0;
}

// Resets VmHWM to the current RSS (Linux >= 4.0), so a phase's own peak
// can be read.
bool ResetPeakRss() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
  out.flush();
  return out.good();
}

// N organization glossary terms that never occur in real text ("zorbaq 16"),
// each with its own first word: the realistic case, and it measures what the
// engine pays per term rather than per finding.
std::string GlossaryConfig(size_t terms, bool builtin_packs) {
  json glossary = json::array();
  for (size_t i = 0; i < terms; ++i) {
    std::string word = "zorb";
    for (size_t n = i; ; n /= 26) {
      word += static_cast<char>('a' + n % 26);
      if (n < 26) break;
    }
    glossary.push_back({{"term", word + " " + std::to_string(i)}, {"plain", "plain wording " + std::to_string(i)}});
  }
  return json{{"builtin_packs", builtin_packs}, {"glossary", glossary}}.dump();
}

std::unique_ptr<Engine> Build(const std::string& config) {
  auto engine = Engine::Create(config);
  if (!engine->errors().empty()) {
    std::fprintf(stderr, "tactful_bench: config error: %s: %s\n", engine->errors()[0].path.c_str(),
                 engine->errors()[0].message.c_str());
    std::exit(1);
  }
  return engine;
}

size_t CheckOnly(const Engine& engine, const std::string& text) {
  const size_t n = engine.Check(text).findings.size();
  g_sink = g_sink + n;
  return n;
}

// What the CLI and the wasm API hand back: the check plus its JSON report.
void CheckToJson(const Engine& engine, const std::string& text) {
  const std::string out =
      tactful::CheckReportJson(engine.Check(text), text, tactful::OffsetUnit::kUtf8Bytes);
  g_sink = g_sink + out.size();
}

// The replies with no findings, as `MakeText` input: a document that
// shows what checking costs when there is nothing to report.
std::vector<std::string> CleanReplies(const Engine& engine, const std::vector<std::string>& replies) {
  std::vector<std::string> clean;
  for (const std::string& r : replies) {
    if (engine.Check(r).findings.empty()) clean.push_back(r);
  }
  return clean;
}

// Re-checking a draft after one keystroke in its middle paragraph, without
// and with a CheckCache. Runs alternate between two versions of the draft,
// so each cached check finds exactly one changed paragraph.
std::string KeystrokeTable(const Engine& engine, const std::string& draft, json* results) {
  const size_t at = draft.find("\n\n", draft.size() / 2);
  const std::string typed = draft.substr(0, at) + "x" + draft.substr(at);
  tactful::CheckCache cache;
  bool flip = false;
  const auto next = [&]() -> const std::string& { return (flip = !flip) ? typed : draft; };
  const Timing full = Measure([&] { g_sink += engine.Check(next()).findings.size(); }, 1.5, 200);
  const Timing cached = Measure([&] { g_sink += engine.Check(next(), {}, &cache).findings.size(); }, 1.5, 200);
  (*results)["keystroke_full_p95_us"] = full.p95 * 1e6;
  (*results)["keystroke_cached_p95_us"] = cached.p95 * 1e6;
  char table[512];
  std::snprintf(table, sizeof table,
                "| check | median µs | p95 µs | runs |\n|---|--:|--:|--:|\n"
                "| full Check() | %.1f | %.1f | %zu |\n| Check() with the draft's CheckCache | %.1f | %.1f | %zu |\n",
                full.median * 1e6, full.p95 * 1e6, full.runs, cached.median * 1e6, cached.p95 * 1e6, cached.runs);
  return table;
}

double MBps(size_t bytes, double seconds) { return bytes / kMBf / seconds; }

std::string SizeLabel(size_t bytes) {
  return bytes >= kMB ? std::to_string(bytes / kMB) + " MB" : std::to_string(bytes / kKB) + " KB";
}

// Peak RSS of each phase, as a Markdown table; `peak` gets the highest. Run
// before the timings, whose freed memory the allocator would keep and reuse,
// hiding what a phase needs by itself.
std::string MeasureMemory(const Engine& engine, const std::string& doc1m, const std::string& doc10m, double* peak) {
  *peak = StatusMB("VmHWM");
  if (!ResetPeakRss()) return "(cannot reset VmHWM here: whole-run peak only)\n";
  char row[160];
  std::snprintf(row, sizeof row, "RSS before these phases: %.1f MB.\n\n", StatusMB("VmRSS"));
  std::string table = row;
  table += "| phase | peak MB | peak above phase start MB | engine keeps MB |\n|---|--:|--:|--:|\n";
  const auto phase = [&](const char* label, bool keeps, const std::function<void()>& f) {
    ResetPeakRss();
    const double before = StatusMB("VmRSS");
    f();
    const double high = StatusMB("VmHWM");
    *peak = std::max(*peak, high);
    char kept[16] = "";
    if (keeps) std::snprintf(kept, sizeof kept, "%.1f", StatusMB("VmRSS") - before);
    std::snprintf(row, sizeof row, "| %s | %.1f | %.1f | %s |\n", label, high, high - before, kept);
    table += row;
  };
  // Engines stay alive to the end of this function, so what RSS keeps after
  // building one is what it costs. After a check the allocator holds on to
  // freed memory, so only the peak means anything there.
  std::unique_ptr<Engine> kept[2];
  phase("build a default engine", true, [&] { kept[0] = Build(""); });
  const std::string config = GlossaryConfig(10000, true);
  phase("build default + 10,000 glossary terms", true, [&] { kept[1] = Build(config); });
  phase("check 1 MB", false, [&] { CheckOnly(engine, doc1m); });
  phase("check 10 MB", false, [&] { CheckOnly(engine, doc10m); });
  phase("check 10 MB + JSON report", false, [&] { CheckToJson(engine, doc10m); });
  return table;
}

int Main(int argc, char** argv) {
  std::string corpus_path = TACTFUL_BENCH_CORPUS;
  std::string json_path;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if ((a == "--corpus" || a == "--json") && i + 1 < argc) {
      (a == "--corpus" ? corpus_path : json_path) = argv[++i];
    } else {
      std::fprintf(stderr, "usage: tactful_bench [--corpus dev.jsonl] [--json results.json]\n");
      return 2;
    }
  }
  json results;

  // Without the dev corpus, the dozen replies kept in bench/replies.jsonl.
  std::string source = corpus_path;
  std::vector<std::string> replies = LoadReplies(source);
  if (replies.empty()) replies = LoadReplies(source = TACTFUL_BENCH_REPLIES);
  if (replies.empty()) {
    std::fprintf(stderr, "tactful_bench: no replies in %s or %s\n", corpus_path.c_str(), TACTFUL_BENCH_REPLIES);
    return 1;
  }
  const std::vector<size_t> sizes = {10 * kKB, 100 * kKB, kMB, 10 * kMB};
  std::vector<std::string> texts;
  for (size_t s : sizes) texts.push_back(MakeText(replies, s));
  const std::string& reply10k = texts[0];
  const std::string& doc1m = texts[2];
  const std::string reply2000 = FirstWords(texts[3], 2000);

  size_t text_bytes = reply2000.size();
  for (const std::string& t : texts) text_bytes += t.size();

  const auto engine = Build("");
  double memory_peak = 0;
  const std::string memory = MeasureMemory(*engine, texts[2], texts[3], &memory_peak);

  std::printf("# Tactful native benchmark\n\n");
  std::printf("Corpus: %s (%zu replies). 1 MB text checksum %08x. Default engine: %zu rules, all categories, "
              "audience \"%s\". Times are medians of warm runs.\n\n",
              source.c_str(), replies.size(), Checksum(doc1m), engine->Rules().size(), engine->audience().c_str());

  std::printf("## Engine construction\n\n| engine | ms |\n|---|--:|\n");
  const std::pair<const char*, size_t> builds[] = {
      {"default packs", 0}, {"default packs + 1,000 glossary terms", 1000}, {"default packs + 10,000 glossary terms", 10000}};
  for (const auto& [label, terms] : builds) {
    const std::string config = terms ? GlossaryConfig(terms, true) : "";
    const Timing t = Measure([&] { Build(config); }, 1.0);
    std::printf("| %s | %.2f |\n", label, t.median * 1e3);
    results["construct_" + std::to_string(terms) + "_ms"] = t.median * 1e3;
  }

  std::printf("\n## Throughput (default packs)\n\n");
  std::printf("| text | bytes | findings | excluded | Check() MB/s | Check() + JSON report MB/s |\n");
  std::printf("|---|--:|--:|--:|--:|--:|\n");
  const std::string clean1m = MakeText(CleanReplies(*engine, replies), kMB);
  const std::pair<const char*, const std::string*> throughput[] = {
      {"10 KB reply", &reply10k}, {"1 MB document", &doc1m}, {"1 MB of clean replies", &clean1m}};
  for (const auto& [label, text] : throughput) {
    const tactful::CheckResult r = engine->Check(*text);
    size_t excluded = 0;
    for (tactful::Span s : r.excluded) excluded += s.size();
    const Timing check = Measure([&] { CheckOnly(*engine, *text); }, 1.0);
    const Timing with_json = Measure([&] { CheckToJson(*engine, *text); }, 1.0);
    std::printf("| %s | %zu | %zu | %.1f%% | %.1f | %.1f |\n", label, text->size(), r.findings.size(),
                100.0 * excluded / text->size(), MBps(text->size(), check.median), MBps(text->size(), with_json.median));
    const std::string key = text == &doc1m ? "1m" : text == &clean1m ? "clean_1m" : "10k";
    results["mbps_" + key] = MBps(text->size(), check.median);
    results["mbps_" + key + "_json"] = MBps(text->size(), with_json.median);
  }

  std::printf("\n## 2,000-word reply (%zu bytes, %zu findings)\n\n", reply2000.size(),
              engine->Check(reply2000).findings.size());
  std::printf("| call | median µs | p95 µs | runs |\n|---|--:|--:|--:|\n");
  const Timing words = Measure([&] { CheckOnly(*engine, reply2000); }, 1.5, 200);
  const Timing words_json = Measure([&] { CheckToJson(*engine, reply2000); }, 1.5, 200);
  std::printf("| Check() | %.1f | %.1f | %zu |\n", words.median * 1e6, words.p95 * 1e6, words.runs);
  std::printf("| Check() + JSON report | %.1f | %.1f | %zu |\n", words_json.median * 1e6, words_json.p95 * 1e6,
              words_json.runs);
  results["reply2000_median_us"] = words.median * 1e6;
  results["reply2000_p95_us"] = words.p95 * 1e6;
  results["reply2000_json_median_us"] = words_json.median * 1e6;

  const std::string draft5000 = FirstWords(texts[3], 5000);
  std::printf("\n## Re-check after a keystroke (5,000-word draft, %zu bytes, %zu paragraphs)\n\n%s", draft5000.size(),
              tactful::Document(draft5000, {}).paragraphs().size(), KeystrokeTable(*engine, draft5000, &results).c_str());

  std::printf("\n## Text size (default packs, Check())\n\n| size | findings | ms | MB/s |\n|---|--:|--:|--:|\n");
  for (size_t i = 0; i < sizes.size(); ++i) {
    const size_t findings = CheckOnly(*engine, texts[i]);
    const Timing t = Measure([&] { CheckOnly(*engine, texts[i]); }, 1.0);
    std::printf("| %s | %zu | %.2f | %.1f |\n", SizeLabel(sizes[i]).c_str(), findings, t.median * 1e3,
                MBps(texts[i].size(), t.median));
    results["mbps_size_" + std::to_string(sizes[i])] = MBps(texts[i].size(), t.median);
  }

  std::printf("\n## Glossary size (1 MB document, Check())\n\n");
  std::printf("| glossary terms | glossary only: build ms | ms per MB | default packs + terms: build ms | ms per MB |\n");
  std::printf("|--:|--:|--:|--:|--:|\n");
  for (size_t terms : {50, 500, 5000, 10000}) {
    std::printf("| %zu", terms);
    for (bool packs : {false, true}) {
      const std::string config = GlossaryConfig(terms, packs);
      const Timing build = Measure([&] { Build(config); }, 0.3);
      const auto e = Build(config);
      const Timing t = Measure([&] { CheckOnly(*e, doc1m); }, 0.5);
      std::printf(" | %.2f | %.2f", build.median * 1e3, t.median * 1e3 / (doc1m.size() / kMBf));
    }
    std::printf(" |\n");
  }

  std::printf("\n## Peak memory (RSS)\n\n%s", memory.c_str());
  const double run_peak = std::max(memory_peak, StatusMB("VmHWM"));
  std::printf("\nWhole run peak RSS: %.1f MB (the benchmark holds %.1f MB of generated text).\n", run_peak,
              text_bytes / kMBf);
  results["peak_rss_mb"] = run_peak;

  const double mbps = results["mbps_1m"];
  const double us = results["reply2000_median_us"];
  std::printf("\n## Targets\n\n| target | measured | met |\n|---|--:|---|\n");
  std::printf("| >= 100 MB/s on the 1 MB document, all packs | %.1f MB/s | %s |\n", mbps, mbps >= 100 ? "yes" : "NO");
  std::printf("| 2,000-word reply < 1 ms | %.0f µs median, %.0f µs p95 | %s |\n", us, words.p95 * 1e6,
              us < 1000 ? "yes" : "NO");

  if (!json_path.empty()) std::ofstream(json_path) << results.dump(2) << "\n";
  return 0;
}

}  // namespace
}  // namespace tactful_bench

int main(int argc, char** argv) { return tactful_bench::Main(argc, argv); }
