// Benchmarks added as the other parts land (replay, summary formats, balanced assignment, the tab).
// Each returns its summary lines after printing its figures and baseline ratio.

export interface ExtraBenchmark {
  name: string;
  run(options: { quick: boolean; runs: number }): Promise<string[]>;
}

export const extraBenchmarks: ExtraBenchmark[] = [];
