/**
 * The files of a drop: plain files, and every file inside dropped folders (walked through
 * DataTransferItem.webkitGetAsEntry, since DataTransfer.files lists a folder as one empty entry).
 * The entries must be taken synchronously in the drop event; reading them may then take its time.
 */

/** True when a drag carries files (or folders). */
export function dragHasFiles(types: readonly string[] | null): boolean {
  return types !== null && types.includes('Files');
}

// A folder is read in batches: readEntries returns at most ~100 entries per call, and [] at the end.
function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** Nesting deeper than this is not walked (a loop through links cannot run forever). */
const MAX_DEPTH = 16;

async function walk(entry: FileSystemEntry, out: File[], depth: number): Promise<void> {
  if (entry.isFile) {
    out.push(await entryFile(entry as FileSystemFileEntry));
    return;
  }
  if (!entry.isDirectory || depth >= MAX_DEPTH) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  for (let batch = await readBatch(reader); batch.length > 0; batch = await readBatch(reader)) {
    for (const child of batch) await walk(child, out, depth + 1);
  }
}

/** Take a drop's entries now (in the event) and read them: every file, folders walked. */
export function droppedFiles(data: DataTransfer): Promise<File[]> {
  const items = [...data.items].filter((i) => i.kind === 'file');
  const entries = items.map((i) => (typeof i.webkitGetAsEntry === 'function' ? i.webkitGetAsEntry() : null));
  if (entries.length === 0 || entries.some((e) => e === null)) return Promise.resolve([...data.files]);
  return (async () => {
    const out: File[] = [];
    for (const entry of entries) if (entry) await walk(entry, out, 0);
    return out;
  })();
}
