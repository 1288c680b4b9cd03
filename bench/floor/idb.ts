// Floor reference 2 (bench/floor.ts): open the app's database, read what the page needs in one request, then
// draw one pixel: ?take=<id> reads that take record (the review), else every take summary (progress).
import { drawPixel, readAll, readOne } from './draw.ts';

const take = new URLSearchParams(window.location.search).get('take');
void (take ? readOne('voicedrill', 'takes', take) : readAll('voicedrill', 'takeSummaries')).then(drawPixel);
