
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
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order [default: http://127.0.0.1:7415]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --offline 'Answer from the cache alone; never touch the network'
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
            cand serve 'Run the interface index: REST API under /v1 and HTML pages'
            cand generate-files 'Regenerate the committed shell completions and man pages'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'iface;check'= {
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order [default: http://127.0.0.1:7415]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --strict 'Treat warnings as errors'
            cand --offline 'Answer from the cache alone; never touch the network'
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
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order [default: http://127.0.0.1:7415]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --peer 'Make a peer interface (one `peer/` role) instead of provides/requires'
            cand --offline 'Answer from the cache alone; never touch the network'
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
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order [default: http://127.0.0.1:7415]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --offline 'Answer from the cache alone; never touch the network'
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
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order [default: http://127.0.0.1:7415]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --offline 'Answer from the cache alone; never touch the network'
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
            cand --index 'Index to use: an http(s) URL, a directory, or a file:// URL; repeat to try several in order [default: http://127.0.0.1:7415]'
            cand --cache-dir 'Cache directory [default: the user cache directory]'
            cand --format 'Output format: text for people, json for computers'
            cand --color 'When to use colour (NO_COLOR turns it off for auto)'
            cand --offline 'Answer from the cache alone; never touch the network'
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
            cand serve 'Run the interface index: REST API under /v1 and HTML pages'
            cand generate-files 'Regenerate the committed shell completions and man pages'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'iface;help;check'= {
        }
        &'iface;help;init'= {
        }
        &'iface;help;pack'= {
        }
        &'iface;help;serve'= {
        }
        &'iface;help;generate-files'= {
        }
        &'iface;help;help'= {
        }
    ]
    $completions[$command]
}
