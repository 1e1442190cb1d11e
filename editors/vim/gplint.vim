" gplint for Vim: :make runs gplint on the current file, :copen lists the findings.
" Put in ~/.vim/after/ftplugin/text.vim (and markdown.vim), or source it.
setlocal makeprg=gplint\ %:S
setlocal errorformat=%f:%l:%c:\ %trror\ %m,%f:%l:%c:\ %tarning\ %m,%f:%l:%c:\ %tnfo\ %m
