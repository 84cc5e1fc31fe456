
use builtin;
use str;

set edit:completion:arg-completer[iface] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'iface'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'iface'= {
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check 'Validate an interface directory'
            cand init 'Scaffold a new interface in the seed format'
            cand pack 'Build the archive that `iface publish` uploads'
            cand list 'List the interfaces of the index'
            cand ls 'List the interfaces of the index'
            cand search 'Search interfaces by name, summary, description, category and maintainers'
            cand show 'Show an interface: summary, maintainers, roles, revisions and README'
            cand fetch 'Fetch interfaces into DIR/<name>/ through the verified cache'
            cand publish 'Check, pack and upload an interface as its next revision'
            cand login 'Save a token for the index (read from the terminal, or stdin)'
            cand logout 'Forget the token saved for the index'
            cand whoami 'Show who the token belongs to on the index'
            cand token 'Create, list and revoke tokens (your own; any user''s with the admin token)'
            cand promulgate 'Make a bare name stand for one owner''s interface (admin)'
            cand unpromulgate 'Make a bare name stand for nothing again (admin)'
            cand maintainer 'Grant, revoke and list who may publish an interface besides its owner'
            cand compose 'Splice the interfaces a charm''s endpoints use into hooks/relations/'
            cand diff 'Show what changed between two revisions, or a revision and a directory'
            cand serve 'Run the interface index: REST API under /v1 and HTML pages'
            cand store 'Move an index between stores (SQLite and PostgreSQL)'
            cand watch 'Print new revisions as they are published'
            cand generate-files 'Regenerate the committed shell completions and man pages'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'iface;check'= {
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --strict 'Treat warnings as errors'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;init'= {
            cand --summary 'One-line summary for interface.yaml'
            cand --maintainer 'Maintainer for interface.yaml, e.g. "Jane Doe <jane@example.com>"'
            cand --category 'Category for interface.yaml, e.g. database, web, ops'
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --peer 'Make a peer interface (one `peer/` role) instead of provides/requires'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;pack'= {
            cand -o 'Where to write the archive [default: NAME.tar.gz in the current directory]'
            cand --output 'Where to write the archive [default: NAME.tar.gz in the current directory]'
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;list'= {
            cand --owner 'Only interfaces in this namespace (`bob` or `~bob`)'
            cand --category 'Only interfaces in this category, e.g. database'
            cand --limit 'Show at most this many per index [default: all]'
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;ls'= {
            cand --owner 'Only interfaces in this namespace (`bob` or `~bob`)'
            cand --category 'Only interfaces in this category, e.g. database'
            cand --limit 'Show at most this many per index [default: all]'
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;search'= {
            cand --limit 'Show at most this many per index'
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;show'= {
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --readme 'Print only the README, as Markdown'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;fetch'= {
            cand -o 'Where to put them: each goes into DIR/<name>/'
            cand --output-dir 'Where to put them: each goes into DIR/<name>/'
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --force 'Replace target directories that exist'
            cand --cache-only 'Only fill the cache; unpack nothing (for a later --offline run)'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;publish'= {
            cand --owner 'Publish into this namespace (one you maintain an interface in, or any with the admin token) [default: the token''s user]'
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --dry-run 'Check and pack, and say what would be uploaded, without uploading'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;login'= {
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --token-stdin 'Read the token from standard input instead of the terminal'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;logout'= {
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --all 'Forget the tokens of every index'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;whoami'= {
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;token'= {
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand create 'Mint a token for USER and print it alone on stdout'
            cand list 'List live tokens (never their secrets)'
            cand ls 'List live tokens (never their secrets)'
            cand revoke 'Revoke a token by the id `iface token list` shows'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'iface;token;create'= {
            cand --label 'A note to tell tokens apart, e.g. laptop or ci'
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;token;list'= {
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;token;ls'= {
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;token;revoke'= {
            cand --user 'Whose token [default: yours]'
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;token;help'= {
            cand create 'Mint a token for USER and print it alone on stdout'
            cand list 'List live tokens (never their secrets)'
            cand revoke 'Revoke a token by the id `iface token list` shows'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'iface;token;help;create'= {
        }
        &'iface;token;help;list'= {
        }
        &'iface;token;help;revoke'= {
        }
        &'iface;token;help;help'= {
        }
        &'iface;promulgate'= {
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;unpromulgate'= {
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;maintainer'= {
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand add 'Let USER publish revisions of the interface (owner or admin)'
            cand grant 'Let USER publish revisions of the interface (owner or admin)'
            cand remove 'Take that right away again (owner or admin)'
            cand revoke 'Take that right away again (owner or admin)'
            cand list 'List who may publish the interface besides its owner'
            cand ls 'List who may publish the interface besides its owner'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'iface;maintainer;add'= {
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;maintainer;grant'= {
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;maintainer;remove'= {
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;maintainer;revoke'= {
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;maintainer;list'= {
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;maintainer;ls'= {
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;maintainer;help'= {
            cand add 'Let USER publish revisions of the interface (owner or admin)'
            cand remove 'Take that right away again (owner or admin)'
            cand list 'List who may publish the interface besides its owner'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'iface;maintainer;help;add'= {
        }
        &'iface;maintainer;help;remove'= {
        }
        &'iface;maintainer;help;list'= {
        }
        &'iface;maintainer;help;help'= {
        }
        &'iface;compose'= {
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --refresh 'Move each interface to its newest revision with the same `version`'
            cand --force 'Overwrite files under hooks/relations/ that were edited by hand'
            cand --dry-run 'Print the plan (add, update, remove, keep) and change nothing'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;diff'= {
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;serve'= {
            cand --listen 'Address to listen on'
            cand --data 'Data directory (SQLite database and archives) [default: the user data directory]'
            cand --admin-token-file 'File holding the admin token (IFACE_ADMIN_TOKEN also works)'
            cand --database 'The store: `sqlite:PATH` (a data directory) or `postgres://...`, which several replicas of `iface serve` can share; TLS as libpq''s `sslmode` and `sslrootcert` say [default: SQLite in --data]'
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;store'= {
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand copy 'Copy a whole index from one store to another'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'iface;store;copy'= {
            cand --from 'The store to read, which must hold an index'
            cand --to 'The store to write, created if needed'
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --force 'Copy into a store that already holds data, keeping what is there: interfaces whose history there is a prefix of the source''s are completed; a differing history or promulgation is refused by name'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;store;help'= {
            cand copy 'Copy a whole index from one store to another'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'iface;store;help;copy'= {
        }
        &'iface;store;help;help'= {
        }
        &'iface;watch'= {
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;generate-files'= {
            cand --root 'The project directory holding completions/ and man/'
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order, before IFACE_INDEX and config.yaml [default: http://127.0.0.1:7415 when none of them names one]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --timeout 'Seconds one request to an index may take, body included [default: 60, or `timeout:` in config.yaml]'
            cand --connect-timeout 'Seconds to wait for a connection to an index [default: 10, or `connect-timeout:` in config.yaml]'
            cand --offline 'Answer from the cache (and local index directories) alone; never touch the network'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Print more about what is being done'
            cand --verbose 'Print more about what is being done'
            cand --no-progress 'Never show progress bars or spinners'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'iface;help'= {
            cand check 'Validate an interface directory'
            cand init 'Scaffold a new interface in the seed format'
            cand pack 'Build the archive that `iface publish` uploads'
            cand list 'List the interfaces of the index'
            cand search 'Search interfaces by name, summary, description, category and maintainers'
            cand show 'Show an interface: summary, maintainers, roles, revisions and README'
            cand fetch 'Fetch interfaces into DIR/<name>/ through the verified cache'
            cand publish 'Check, pack and upload an interface as its next revision'
            cand login 'Save a token for the index (read from the terminal, or stdin)'
            cand logout 'Forget the token saved for the index'
            cand whoami 'Show who the token belongs to on the index'
            cand token 'Create, list and revoke tokens (your own; any user''s with the admin token)'
            cand promulgate 'Make a bare name stand for one owner''s interface (admin)'
            cand unpromulgate 'Make a bare name stand for nothing again (admin)'
            cand maintainer 'Grant, revoke and list who may publish an interface besides its owner'
            cand compose 'Splice the interfaces a charm''s endpoints use into hooks/relations/'
            cand diff 'Show what changed between two revisions, or a revision and a directory'
            cand serve 'Run the interface index: REST API under /v1 and HTML pages'
            cand store 'Move an index between stores (SQLite and PostgreSQL)'
            cand watch 'Print new revisions as they are published'
            cand generate-files 'Regenerate the committed shell completions and man pages'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'iface;help;check'= {
        }
        &'iface;help;init'= {
        }
        &'iface;help;pack'= {
        }
        &'iface;help;list'= {
        }
        &'iface;help;search'= {
        }
        &'iface;help;show'= {
        }
        &'iface;help;fetch'= {
        }
        &'iface;help;publish'= {
        }
        &'iface;help;login'= {
        }
        &'iface;help;logout'= {
        }
        &'iface;help;whoami'= {
        }
        &'iface;help;token'= {
            cand create 'Mint a token for USER and print it alone on stdout'
            cand list 'List live tokens (never their secrets)'
            cand revoke 'Revoke a token by the id `iface token list` shows'
        }
        &'iface;help;token;create'= {
        }
        &'iface;help;token;list'= {
        }
        &'iface;help;token;revoke'= {
        }
        &'iface;help;promulgate'= {
        }
        &'iface;help;unpromulgate'= {
        }
        &'iface;help;maintainer'= {
            cand add 'Let USER publish revisions of the interface (owner or admin)'
            cand remove 'Take that right away again (owner or admin)'
            cand list 'List who may publish the interface besides its owner'
        }
        &'iface;help;maintainer;add'= {
        }
        &'iface;help;maintainer;remove'= {
        }
        &'iface;help;maintainer;list'= {
        }
        &'iface;help;compose'= {
        }
        &'iface;help;diff'= {
        }
        &'iface;help;serve'= {
        }
        &'iface;help;store'= {
            cand copy 'Copy a whole index from one store to another'
        }
        &'iface;help;store;copy'= {
        }
        &'iface;help;watch'= {
        }
        &'iface;help;generate-files'= {
        }
        &'iface;help;help'= {
        }
    ]
    $completions[$command]
}
