// Floor reference 4 (bench/floor.ts): the least a progress page can do — React, one getAll() of the take
// summaries started before rendering, and one uPlot chart of the first guideline's values.
import { useLayoutEffect, useRef, useState, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import uPlot from 'uplot';
import { readAll } from './draw.ts';

interface Row { createdAt: string; verdicts: { value: number | null }[] }
const rows = readAll('voicedrill', 'takeSummaries') as Promise<Row[]>;

function Chart({ data }: { data: Row[] }): React.JSX.Element {
  const box = useRef<HTMLDivElement | null>(null);
  useLayoutEffect(() => {
    const sorted = [...data].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const xs = sorted.map((_, i) => i + 1);
    const ys = sorted.map((r) => r.verdicts[0]?.value ?? null);
    const u = new uPlot({ width: 800, height: 200, scales: { x: { time: false } }, series: [{}, { stroke: '#1a5fd0', width: 2 }] }, [xs, ys], box.current as HTMLDivElement);
    u.root.querySelector('canvas')?.setAttribute('data-floor', '');
    return () => u.destroy();
  }, [data]);
  return <div ref={box} />;
}

function Floor(): React.JSX.Element {
  const [data, setData] = useState<Row[] | null>(null);
  useEffect(() => { void rows.then(setData); }, []);
  return <><h1>floor</h1>{data && <Chart data={data} />}</>;
}

createRoot(document.getElementById('root') as HTMLElement).render(<Floor />);
