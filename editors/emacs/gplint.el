;;; gplint.el --- gplint findings in compilation-mode  -*- lexical-binding: t -*-
;; M-x gplint RET (the current file), or M-x compile RET gplint FILE RET; then next-error
;; (M-g n) walks the findings and lands on the character each one names.
;;
;; Columns: gplint prints character columns; Emacs reads compilation columns as screen
;; columns unless `compilation-error-screen-columns' is nil, and on a line with Chinese
;; text before a finding (a Chinese character is two screen columns, and in a Chinese
;; language environment so are “ ” and ：) those differ. Both ways of running gplint
;; below make Emacs read them as characters, in the gplint buffer only.
(require 'compile)
(add-to-list 'compilation-error-regexp-alist-alist
             '(gplint
               "^\\(.+?\\):\\([0-9]+\\):\\([0-9]+\\): \\(?:\\(error\\)\\|\\(warning\\)\\|\\(info\\)\\) \\([A-Z][0-9]\\{3\\}\\) "
               1 2 3 (5 . 6)))
(add-to-list 'compilation-error-regexp-alist 'gplint)

(defgroup gplint nil "Lint 政府信息公开工作年度报告 with gplint." :group 'tools)

(defcustom gplint-command "gplint"
  "The gplint program, with any options (e.g. \"gplint --rules strict\")."
  :type 'string)

(define-compilation-mode gplint-mode "gplint"
  "Compilation mode for gplint's findings: columns count characters."
  (setq-local compilation-error-screen-columns nil))

;;;###autoload
(defun gplint (file)
  "Run gplint on FILE (default: the current buffer's file) and list the findings."
  (interactive (list (read-file-name "gplint file: " nil buffer-file-name t
                                     (and buffer-file-name (file-name-nondirectory buffer-file-name)))))
  (let ((compilation-environment (cons "NO_COLOR=1" compilation-environment)))
    (compilation-start (concat gplint-command " " (shell-quote-argument (expand-file-name file)))
                       #'gplint-mode)))

(defun gplint--character-columns (_process)
  "In a M-x compile buffer that runs gplint, read columns as characters."
  (when (string-match-p "\\(?:\\`\\|[/[:space:]]\\)gplint\\(?:[[:space:]]\\|\\'\\)" (or (car compilation-arguments) ""))
    (setq-local compilation-error-screen-columns nil)))
(add-hook 'compilation-start-hook #'gplint--character-columns)

(provide 'gplint)
;;; gplint.el ends here
