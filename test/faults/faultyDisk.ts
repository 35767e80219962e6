// Real disk faults for the storage fault test, made with the kernel rather than mocked:
// - full: a 2 MiB tmpfs, then a filler file until ENOSPC;
// - read-only: an ext4 image on a loop device mounted `errors=remount-ro`, then an ext4 error triggered
//   through sysfs, so the kernel turns the filesystem read-only under the running server (as it does on a
//   real I/O error). A plain `mount -o remount,ro` cannot do this: the kernel refuses it with EBUSY while
//   SQLite holds its database, WAL and shm files open for writing, which a running server always does.
// Both need root and mount rights (CI runs as root); `probe*` say why not, so the test can skip loudly.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const sh = (command: string, args: string[]) => {
  const out = spawnSync(command, args, { encoding: 'utf8' });
  return { ok: out.status === 0, output: `${out.stdout ?? ''}${out.stderr ?? ''}${out.error ? String(out.error) : ''}`.trim() };
};
const must = (command: string, args: string[]) => {
  const out = sh(command, args);
  if (!out.ok) throw new Error(`${command} ${args.join(' ')} failed: ${out.output}`);
};

export interface FaultyDisk {
  dir: string;
  /** Makes the fault happen. */
  fault(): void;
  /** Clears it the way an operator would; the server must be stopped first where `needsRestart`. */
  clear(): void;
  readonly needsRestart: boolean;
  dispose(): void;
}

const notRoot = () => (process.getuid?.() === 0 ? null : `not running as root (uid ${process.getuid?.()}): mounting needs root`);

/** Why a tmpfs cannot be mounted here, or null when it can. */
export function probeTmpfs(): string | null {
  const why = notRoot();
  if (why) return why;
  const dir = mkdtempSync(join(tmpdir(), 'convene-probe-'));
  try {
    const mounted = sh('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
    if (!mounted.ok) return `mount -t tmpfs failed: ${mounted.output}`;
    sh('umount', [dir]);
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Why an ext4 loop mount with a triggerable error is not possible here, or null. */
export function probeExt4Loop(): string | null {
  const why = notRoot();
  if (why) return why;
  if (!existsSync('/dev/loop-control')) return 'no /dev/loop-control: loop devices are not available';
  const disk = tryExt4Loop();
  if (typeof disk === 'string') return disk;
  disk.dispose();
  return null;
}

/** A 2 MiB tmpfs that `fault()` fills to the last byte and `clear()` empties again. */
export function fullableTmpfs(): FaultyDisk {
  const dir = mkdtempSync(join(tmpdir(), 'convene-full-'));
  must('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir]);
  const filler = join(dir, 'filler');
  return {
    dir,
    needsRestart: false,
    fault() {
      const fd = openSync(filler, 'a');
      const block = Buffer.alloc(4096, 1);
      try {
        for (;;) writeSync(fd, block);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
      // Then byte by byte, so that not even a partial page is left.
      try {
        for (;;) writeSync(fd, block, 0, 1);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd);
      }
    },
    clear() {
      rmSync(filler, { force: true });
    },
    dispose() {
      sh('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function tryExt4Loop(): FaultyDisk | string {
  const work = mkdtempSync(join(tmpdir(), 'convene-ro-'));
  const image = join(work, 'disk.img');
  const dir = join(work, 'mnt');
  const cleanup = () => rmSync(work, { recursive: true, force: true });
  let step = sh('truncate', ['-s', '16M', image]);
  if (step.ok) step = sh('mkfs.ext4', ['-q', '-F', image]);
  if (!step.ok) {
    cleanup();
    return `cannot make an ext4 image: ${step.output}`;
  }
  sh('mkdir', [dir]);
  const mount = () => sh('mount', ['-o', 'loop,errors=remount-ro', image, dir]);
  step = mount();
  if (!step.ok) {
    cleanup();
    return `mount -o loop failed: ${step.output}`;
  }
  const device = sh('findmnt', ['-n', '-o', 'SOURCE', dir]).output;
  const trigger = `/sys/fs/ext4/${basename(device)}/trigger_fs_error`;
  if (!existsSync(trigger)) {
    sh('umount', [dir]);
    cleanup();
    return `${trigger} does not exist: this kernel cannot be asked for an ext4 error`;
  }
  let mounted = true;
  return {
    dir,
    needsRestart: true,
    fault() {
      must('sh', ['-c', `echo convene-fault-drill > ${trigger}`]);
    },
    clear() {
      // After an ext4 error the journal is aborted: unmount, repair, mount again (the server is stopped).
      must('umount', [dir]);
      mounted = false;
      const fsck = spawnSync('e2fsck', ['-f', '-y', image], { encoding: 'utf8' });
      if (fsck.status !== null && fsck.status > 2) throw new Error(`e2fsck failed (${fsck.status}): ${fsck.stdout}${fsck.stderr}`);
      step = mount();
      if (!step.ok) throw new Error(`remounting after repair failed: ${step.output}`);
      mounted = true;
    },
    dispose() {
      if (mounted) sh('umount', [dir]);
      cleanup();
    },
  };
}

/** An ext4 filesystem that `fault()` turns read-only under whoever writes to it. */
export function readOnlyOnError(): FaultyDisk {
  const disk = tryExt4Loop();
  if (typeof disk === 'string') throw new Error(disk);
  return disk;
}
