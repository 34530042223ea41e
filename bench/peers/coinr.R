# COINr's side of the peer comparison in bench/README.md (issue 14, item 4).
#
# Times, in R with COINr 1.1.14, the four figures our bench compares against:
#   1. the ASEM example pipeline (denominate, impute by group, screen, treat, normalise,
#      aggregate), as build_example_coin() runs it;
#   2. the 1000 units x 100 indicators x 10 periods panel, from the same CSV files as ours
#      (written by `npm run bench:composite` to .bench-data/panel-iData.csv and
#      .bench-data/panel-iMeta.csv), through impute, screen, treat, normalise and aggregate;
#   3. uncertainty analysis, N = 100, and
#   4. sensitivity analysis, N = 100 (600 runs for four assumptions),
#      both with the four assumptions of COINr's sensitivity vignette (our
#      test/fixtures/analysis/asem-spec.yaml).
#
# Run from the package root:  Rscript bench/peers/coinr.R
# Needs: install.packages(c("COINr", "microbenchmark")). Prints median wall times in ms, and
# writes them to bench/peers/coinr-results.json.
suppressPackageStartupMessages({
  library(COINr)
  library(microbenchmark)
})

median_ms <- function(expr_fn, times) {
  b <- microbenchmark(expr_fn(), times = times, unit = "ms")
  stats::median(b$time) / 1e6
}

# 1. ASEM pipeline.
asem_ms <- median_ms(function() build_example_coin(quietly = TRUE), 20)

# 2. The panel, from the CSV files our bench writes.
idata_path <- ".bench-data/panel-iData.csv"
imeta_path <- ".bench-data/panel-iMeta.csv"
panel_ms <- NA
if (file.exists(idata_path) && file.exists(imeta_path)) {
  iData <- read.csv(idata_path, check.names = FALSE)
  iMeta <- read.csv(imeta_path, check.names = FALSE)
  iMeta$iName <- iMeta$iCode
  iMeta$Weight[is.na(iMeta$Weight)] <- 1
  iMeta$Direction[is.na(iMeta$Direction)] <- 1
  iMeta$Parent[iMeta$Parent == ""] <- NA
  run_panel <- function() {
    purse <- new_coin(iData, iMeta, quietly = TRUE, split_to = "all")
    purse <- Impute(purse, dset = "Raw", f_i = "impute_panel",
                    f_i_para = list(imp_type = "linear", max_time = NULL), quietly = TRUE)
    purse <- Screen(purse, dset = "Imputed", unit_screen = "byNA", dat_thresh = 0.5,
                    quietly = TRUE)
    purse <- qTreat(purse, dset = "Screened", winmax = 5)
    purse <- qNormalise(purse, dset = "Treated", f_n = "n_minmax",
                        f_n_para = list(l_u = c(0, 100)))
    Aggregate(purse, dset = "Normalised", f_ag = "a_amean")
  }
  panel_ms <- median_ms(run_panel, 5)
} else {
  message("panel CSV files not found: run `npm run bench:composite` first")
}

# 3-4. Uncertainty and sensitivity analysis on ASEM, the vignette's four assumptions.
coin <- build_example_coin(quietly = TRUE)
l_winmax <- list(Address = "$Log$Treat$global_specs$f1_para$winmax",
                 Distribution = 1:5, Type = "discrete")
norm_alts <- list(list(f_n = "n_minmax", f_n_para = list(c(1, 100))),
                  list(f_n = "n_zscore", f_n_para = list(c(10, 2))))
l_norm <- list(Address = "$Log$Normalise$global_specs", Distribution = norm_alts,
               Type = "discrete")
noise_specs <- data.frame(Level = c(2, 3), NoiseFactor = c(0.25, 0.25))
noisy_wts <- get_noisy_weights(w = coin$Meta$Weights$Original, noise_specs = noise_specs,
                               Nrep = 100)
l_weights <- list(Address = "$Log$Aggregate$w", Distribution = noisy_wts, Type = "discrete")
l_agg <- list(Address = "$Log$Aggregate$f_ag", Distribution = c("a_amean", "a_gmean"),
              Type = "discrete")
SA_specs <- list(Winmax = l_winmax, Normalisation = l_norm, Weights = l_weights,
                 Aggregation = l_agg)
ua_ms <- median_ms(function() get_sensitivity(coin, SA_specs = SA_specs, N = 100,
                                              SA_type = "UA", dset = "Aggregated",
                                              iCode = "Index", quietly = TRUE), 3)
sa_ms <- median_ms(function() get_sensitivity(coin, SA_specs = SA_specs, N = 100,
                                              SA_type = "SA", dset = "Aggregated",
                                              iCode = "Index", Nboot = 100, quietly = TRUE), 1)

res <- list(coinr = as.character(packageVersion("COINr")), r = R.version.string,
            asemPipelineMs = asem_ms, panelPipelineMs = panel_ms,
            uncertaintyN100Ms = ua_ms, sensitivity600Ms = sa_ms)
print(res)
json <- paste0("{\n", paste(sprintf('  "%s": %s', names(res),
  vapply(res, function(v) if (is.character(v)) sprintf('"%s"', v) else format(v, digits = 6),
         "")), collapse = ",\n"), "\n}\n")
writeLines(json, "bench/peers/coinr-results.json", sep = "")
