// A drop on the library page: files and folders at any depth, read in the entries API's
// batches, named by their path in the drop; a drop without entries gives its file list.
import { describe, expect, it } from 'vitest';
import { droppedSources, type DropEntry } from '../lib/library/dropped';

const fileEntry = (name: string, text = name): DropEntry => ({
  name,
  isFile: true,
  file: (ok) => ok(new File([text], name, { type: 'text/plain' })),
});

/** A folder whose reader hands out its entries `batch` at a time, then an empty batch. */
const folderEntry = (name: string, children: DropEntry[], batch = 100): DropEntry => ({
  name,
  isFile: false,
  createReader: () => {
    let at = 0;
    return {
      readEntries: (ok) => {
        const next = children.slice(at, at + batch);
        at += next.length;
        setTimeout(() => ok(next), 0);
      },
    };
  },
});

describe('droppedSources', () => {
  it('reads every file of a dropped folder, nested folders and batches included, named by path', async () => {
    const many = Array.from({ length: 150 }, (_, i) => fileEntry(`a${String(i).padStart(3, '0')}.txt`));
    const drop = folderEntry('wire', [...many, folderEntry('2024', [fileEntry('b.md'), fileEntry('c.html')])]);
    const sources = await droppedSources(
      [{ webkitGetAsEntry: () => fileEntry('top.txt') }, { webkitGetAsEntry: () => drop }],
      [],
    );
    const names = sources.map((s) => s.name);
    expect(names).toHaveLength(153);
    expect(names[0]).toBe('top.txt');
    expect(names).toContain('wire/a149.txt');
    expect(names).toContain('wire/2024/b.md');
    expect(names).toContain('wire/2024/c.html');
    expect(new TextDecoder().decode(await sources.find((s) => s.name === 'wire/2024/b.md')!.bytes())).toBe('b.md');
  });

  it('a drop without entries gives its plain files', async () => {
    const files = [new File(['x'], 'one.txt'), new File(['y'], 'two.md')];
    const sources = await droppedSources([{ webkitGetAsEntry: () => null }, {}], files);
    expect(sources.map((s) => s.name)).toEqual(['one.txt', 'two.md']);
  });

  it('a folder that cannot be read fails the drop with its error', async () => {
    const broken: DropEntry = {
      name: 'gone',
      isFile: false,
      createReader: () => ({ readEntries: (_ok, fail) => fail(new Error('NotFoundError')) }),
    };
    await expect(droppedSources([{ webkitGetAsEntry: () => broken }], [])).rejects.toThrow('NotFoundError');
  });
});
