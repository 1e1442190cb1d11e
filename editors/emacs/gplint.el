;;; gplint.el --- gplint findings in compilation-mode  -*- lexical-binding: t -*-
;; M-x compile RET gplint FILE RET, then next-error (M-g n) walks the findings.
(require 'compile)
(add-to-list 'compilation-error-regexp-alist-alist
             '(gplint
               "^\\(.+?\\):\\([0-9]+\\):\\([0-9]+\\): \\(?:\\(error\\)\\|\\(warning\\)\\|\\(info\\)\\) \\([A-Z][0-9]\\{3\\}\\) "
               1 2 3 (5 . 6)))
(add-to-list 'compilation-error-regexp-alist 'gplint)
(provide 'gplint)
;;; gplint.el ends here
