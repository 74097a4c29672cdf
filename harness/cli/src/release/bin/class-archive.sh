# Sourced (POSIX sh) by the launchers: ./flipgate in a checkout and bin/flipgate in the release.
#
# A gate loads about 3,400 classes from the jars in lib/ (Jackson, Thymeleaf, the JSON Schema
# validator, the harness). HotSpot can map them, already parsed and verified, from a class-data-sharing
# archive instead (JDK 13+ "dynamic" archive, -XX:ArchiveClassesAtExit). That is worth about 0.5 s on
# every gate; see README, "Benchmarks". The archive holds class metadata only, never a result: the JVM
# checks it against its own build and against every jar's size and time, and runs without it on any
# mismatch. So the archive cannot change what a gate decides, only how soon.
#
# class_archive JAVA DIR CLASSPATH TRAINING_SUITE JAR_OR_DIR...
#   sets CLASS_ARCHIVE to DIR/flipgate-<key>.jsa (the key names the JDK and the jars that made it),
#   the archive for the class path CLASSPATH, first making it when it is missing or older than one of
#   the JAR_OR_DIRs (the jars on CLASSPATH) or than the JDK: one gate on TRAINING_SUITE (the bundled
#   breast-cancer golden set) with its output thrown away. When the archive cannot be made (DIR not
#   writable or its path with a blank in it, a JVM without CDS, a training gate that fails),
#   CLASS_ARCHIVE is empty, and a marker file
#   stops the next runs from trying again until a jar changes. A launcher passes
#   ${CLASS_ARCHIVE:+"-XX:SharedArchiveFile=$CLASS_ARCHIVE"} and CLASS_ARCHIVE_QUIET to java.
#
# CLASS_ARCHIVE_QUIET: the JVM warns on standard output when it cannot use an archive, and a gate's
# standard output may be its JSON verdict; the JVM then simply runs without the archive.
CLASS_ARCHIVE_QUIET="-Xlog:cds=off -Xlog:cds+dynamic=off"
class_archive() {
  CLASS_ARCHIVE=""
  _java="$1" _dir="$2" _classpath="$3" _training="$4"
  shift 4
  _java_file=$(command -v "$_java" 2>/dev/null) || return 0
  _java_file=$(readlink -f "$_java_file" 2>/dev/null || printf '%s' "$_java_file")
  # The JDK, the class path and its jars' names, sizes and times name the archive. The JVM refuses an
  # archive when a jar's time differs at all, and a jar copied with its time kept (Maven's
  # copy-dependencies, a release unpacked over an older one) is not newer than the archive.
  _key=$( (printf '%s\n' "$_java_file" "$_classpath"; find "$@" -name '*.jar' -exec env LC_ALL=C ls -lnL {} +) \
    | cksum | cut -d ' ' -f 1) || return 0
  _archive="$_dir/flipgate-$_key.jsa"
  # JDK 17 finds an application class in the archive by its jar's URL, which a blank in the path
  # escapes: it would map the JDK's classes and none of Flipgate's, after a 5 s training run.
  case "$_archive" in *[[:space:]]*) return 0 ;; esac
  if _class_archive_fresh "$_archive" "$_java_file" "$@"; then
    CLASS_ARCHIVE="$_archive"
    return 0
  fi
  if _class_archive_fresh "$_archive.none" "$_java_file" "$@" || [ ! -w "$_dir" ]; then return 0; fi
  echo "flipgate: preparing the class-data archive for this JDK (once) ..." >&2
  _partial="$_archive.$$.partial"
  _out=$(mktemp -d "${TMPDIR:-/tmp}/flipgate-class-archive.XXXXXX") || return 0
  # The training gate BLOCKs (exit 1) by design, and the JVM exits 1 too when it cannot start: a gate
  # that reached its verdict is one that wrote result.json. One that did not loaded too few classes
  # for its archive to be worth keeping.
  # shellcheck disable=SC2086
  "$_java" -XX:+UseSerialGC -XX:ArchiveClassesAtExit="$_partial" $CLASS_ARCHIVE_QUIET -cp "$_classpath" \
    dev.flipgate.cli.FlipgateMain gate "$_training" --out "$_out" --quiet --no-ledger --no-cache \
    >/dev/null 2>&1 || true
  _trained=false
  if [ -f "$_out/result.json" ] && [ -s "$_partial" ]; then _trained=true; fi
  rm -rf "$_out"
  if $_trained; then
    # Archives made for earlier jars go; another JDK's archive for these jars stays, for when it comes back.
    for _old in "$_dir"/flipgate-*.jsa "$_dir"/flipgate-*.jsa.none; do
      if [ -f "$_old" ] && ! _class_archive_fresh "$_old" "$@"; then rm -f "$_old"; fi
    done
    mv -f "$_partial" "$_archive"
    CLASS_ARCHIVE="$_archive"
  else
    rm -f "$_partial"
    : > "$_archive.none"
  fi
}

# _class_archive_fresh FILE DEPENDENCY...: FILE exists and no jar in a DEPENDENCY (nor the JDK) is newer.
_class_archive_fresh() {
  _file="$1"
  shift
  [ -f "$_file" ] && [ -z "$(find "$@" -type f ! -name 'flipgate-*.jsa*' -newer "$_file" 2>/dev/null | head -n 1)" ]
}
