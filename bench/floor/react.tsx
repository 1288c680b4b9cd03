// Floor reference 3 (bench/floor.ts): React renders an h1 and a canvas, and draws one pixel once mounted.
import { useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { drawPixel } from './draw.ts';

function Floor(): React.JSX.Element {
  useLayoutEffect(drawPixel, []);
  return <><h1>floor</h1><canvas data-floor width={10} height={10} /></>;
}

createRoot(document.getElementById('root') as HTMLElement).render(<Floor />);
