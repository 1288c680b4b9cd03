/** One opaque pixel in the page's floor canvas (what the benches' probes wait for). */
export function drawPixel(): void {
  const canvas = document.querySelector<HTMLCanvasElement>('canvas[data-floor]');
  const g = canvas?.getContext('2d');
  if (!g) throw new Error('floor: no canvas');
  g.fillStyle = '#000';
  g.fillRect(0, 0, 1, 1);
}

function open(dbName: string): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(dbName);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('open failed'));
  });
}

function request<T>(req: IDBRequest): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error ?? new Error('read failed'));
  });
}

/** Every record of one object store of the app's database, read with one getAll(). */
export async function readAll(dbName: string, table: string): Promise<unknown[]> {
  const db = await open(dbName);
  performance.mark('voicedrill:store-open');
  const rows = await request<unknown[]>(db.transaction([table]).objectStore(table).getAll());
  performance.mark('voicedrill:read');
  db.close();
  return rows;
}

/** One record of one object store of the app's database. */
export async function readOne(dbName: string, table: string, key: string): Promise<unknown> {
  const db = await open(dbName);
  performance.mark('voicedrill:store-open');
  const row = await request<unknown>(db.transaction([table]).objectStore(table).get(key));
  performance.mark('voicedrill:read');
  db.close();
  return row;
}
