import Foundation

// NewsBench: measures the reader against the libyaml floor and PyYAML (issue 5). See BenchOptions.usage.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "measure-memory" {
  exit(MemoryProbe.childMain(arguments: Array(arguments.dropFirst())))
}
if arguments.first == "stories" {
  exit(StoryGrouping.standaloneMain(arguments: Array(arguments.dropFirst())))
}

let options: BenchOptions
do {
  options = try BenchOptions.parse(arguments)
} catch {
  FileHandle.standardError.write(Data((error.message + "\n").utf8))
  exit(error.isHelp ? 0 : 2)
}

var benchmark = Benchmark(options: options)
benchmark.run()
let report = BenchReport(
  machine: .current(), repetitions: options.repetitions, peerRepetitions: options.effectivePeerRepetitions,
  rows: BenchReport.grouped(benchmark.rows), problems: benchmark.problems)
print(options.json ? report.json() : report.table())
exit(benchmark.problems.isEmpty ? 0 : 1)
