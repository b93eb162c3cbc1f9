// Linked into every executable of a -DSTEVEDORE_SANITIZE build (see the top-level
// CMakeLists.txt), so that these settings also hold for the programs tests start with an
// environment of their own. ASAN_OPTIONS and LSAN_OPTIONS still add to them.

// A full unwind at every allocation: libgit2, PCRE2 and Graphviz are built without frame
// pointers, and the suppressions below must see through them to the functions they name.
extern "C" const char *__asan_default_options()
{
    return "fast_unwind_on_malloc=0";
}

// Quiet about the suppressions that were used: tests compare what programs print.
extern "C" const char *__lsan_default_options()
{
    return "print_suppressions=0";
}

// Where undefined behaviour happened, not only what.
extern "C" const char *__ubsan_default_options()
{
    return "print_stacktrace=1";
}

// Leaks in libraries we do not build. Each names the library's function that our code calls;
// a leak of ours would show our own frames above it, but note that a suppression covers every
// allocation made inside that call, our callbacks' included.
extern "C" const char *__lsan_default_suppressions()
{
    return
        // libgit2 1.5 (Debian 12) does not free a PCRE2 match data block on one path of its
        // regex search, which it runs on the configuration for remotes and branches: one
        // block per lookup. Fixed in libgit2 1.6 (libgit2/libgit2 pull request 6382). We never
        // call PCRE2 ourselves; Qt frees what it allocates there.
        "leak:pcre2_match_data_create_8\n"
        "leak:pcre2_match_8\n"
        // libgit2 1.5's local transport (fetching from a path, as the demo pipeline and many
        // tests do) keeps a reference to the other repository's object database.
        "leak:git_remote_fetch\n"
        // libgit2 1.5's SSH transport keeps the strings of the connection it parsed.
        "leak:git_remote_connect_ext\n"
        // Graphviz 2.42's gvContext() keeps its plugin configuration: one block per process.
        "leak:gvconfig\n";
}
