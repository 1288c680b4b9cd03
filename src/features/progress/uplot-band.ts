/** A uPlot plugin that shades a chart's good band (a rectangle behind the series, open edges to the plot's edge). */
import type uPlot from 'uplot';
import type { ProgressBand } from './progress-model.ts';

/** Shade `band` on the y scale in `color`; drawn after the axes, before the series. */
export function bandPlugin(band: ProgressBand, color: string): uPlot.Plugin {
  return {
    hooks: {
      drawAxes: [(u: uPlot) => {
        const { ctx, bbox } = u;
        const bottomEdge = bbox.top + bbox.height;
        const clamp = (y: number): number => Math.min(bottomEdge, Math.max(bbox.top, y));
        const top = band.goodMax === null ? bbox.top : clamp(u.valToPos(band.goodMax, 'y', true));
        const bottom = band.goodMin === null ? bottomEdge : clamp(u.valToPos(band.goodMin, 'y', true));
        if (bottom <= top) return;
        ctx.save();
        ctx.fillStyle = color;
        ctx.fillRect(bbox.left, top, bbox.width, bottom - top);
        ctx.restore();
      }],
    },
  };
}
