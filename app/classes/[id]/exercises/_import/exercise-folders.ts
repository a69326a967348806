/** One file picked in the browser (from a folder input or a .zip), by its path. */
export interface PickedFile {
  path: string;
  text: string;
}

/**
 * Splits picked files into exercise folders: every `exercise.json` starts one, holding the files
 * under its folder by their path inside it ("exercise.json", "wrong/NAME.py"). A folder picked
 * from its parent ("lib/slug/exercise.json") and a .zip of one folder or of many work alike.
 * Directory entries, hidden files and macOS zip metadata are skipped; anything else goes to the server, which
 * refuses unknown files by name.
 */
export function exerciseFolders(files: readonly PickedFile[]): Record<string, string>[] {
  const visible = files
    .map((file) => ({ ...file, path: file.path.replace(/\\/g, "/").replace(/^\/+/, "") }))
    // Zip directory entries ("slug/", "slug/wrong/") carry no file.
    .filter((file) => file.path !== "" && !file.path.endsWith("/"))
    .filter((file) => !file.path.split("/").some((part) => part.startsWith(".") || part === "__MACOSX"));
  const roots = visible
    .filter((file) => file.path === "exercise.json" || file.path.endsWith("/exercise.json"))
    .map((file) => file.path.slice(0, -"exercise.json".length));
  return roots.map((root) => {
    // Files of a folder nested inside this one belong to that folder, not to this one.
    const nested = roots.filter((other) => other !== root && other.startsWith(root));
    return Object.fromEntries(
      visible
        .filter((file) => file.path.startsWith(root) && !nested.some((other) => file.path.startsWith(other)))
        .map((file) => [file.path.slice(root.length), file.text]),
    );
  });
}
