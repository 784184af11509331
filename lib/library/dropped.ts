/**
 * The files of a drop on the library page, folders included: a dropped folder is read through
 * the entries API (`webkitGetAsEntry`, in Chromium and Firefox), every file in it at any depth,
 * named by its path in the drop. A drop without entries (some browsers, synthetic drops) gives
 * its plain file list. The entries are typed structurally, so tests can hand in their own.
 */
import { fromFile, type ImportSource } from './import';

/** What this reader uses of a FileSystemEntry. */
export interface DropEntry {
  readonly name: string;
  readonly isFile: boolean;
  /** Files only. */
  file?(ok: (file: File) => void, fail: (err: unknown) => void): void;
  /** Folders only. */
  createReader?(): { readEntries(ok: (batch: DropEntry[]) => void, fail: (err: unknown) => void): void };
}

/** What this reader uses of a DataTransferItem. */
export interface DropItem {
  webkitGetAsEntry?(): DropEntry | null;
}

export async function droppedSources(items: Iterable<DropItem>, files: Iterable<File>): Promise<ImportSource[]> {
  const entries = [...items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is DropEntry => !!e);
  if (!entries.length) return [...files].map(fromFile);
  const out: ImportSource[] = [];
  const walk = async (entry: DropEntry, path: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((ok, fail) => entry.file!(ok, fail));
      out.push({ ...fromFile(file), name: `${path}${file.name}` });
      return;
    }
    const reader = entry.createReader!();
    // readEntries gives a folder's entries in batches (100 at a time in Chromium) until an empty one.
    for (;;) {
      const batch = await new Promise<DropEntry[]>((ok, fail) => reader.readEntries(ok, fail));
      if (!batch.length) break;
      for (const e of batch) await walk(e, `${path}${entry.name}/`);
    }
  };
  for (const e of entries) await walk(e, '');
  return out;
}
