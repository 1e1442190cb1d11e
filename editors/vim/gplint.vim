" gplint for Vim: :make runs gplint on the current file, :copen lists the findings.
" Put in ~/.vim/after/ftplugin/text.vim (and markdown.vim), or source it.
"
" Columns: gplint counts characters, Vim's %c counts bytes and %v screen cells, so on a
" line with Chinese text before a finding (总计: 2 characters, 6 bytes, 4 cells) a plain
" column lands on the wrong character. gplint prints UTF-8 byte columns for Vim
" (--column-unit=byte), which %c reads exactly, whatever 'tabstop', 'ambiwidth' or the
" file's encoding (Vim holds the text as UTF-8). docs/integrations.md has a %v variant.
setlocal makeprg=gplint\ --column-unit=byte\ %:S
setlocal errorformat=%f:%l:%c:\ %trror\ %m,%f:%l:%c:\ %tarning\ %m,%f:%l:%c:\ %tnfo\ %m
