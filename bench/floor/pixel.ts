// Floor reference 1 (bench/floor.ts): a page that draws one canvas pixel as soon as its script runs.
import { drawPixel } from './draw.ts';

drawPixel();
