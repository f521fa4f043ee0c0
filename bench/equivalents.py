"""Which of our concepts count as right for a truth concept.

A truth concept is matched by itself and by the members of any group it belongs to: concepts
that name the same line item and that filers use interchangeably (some replaced others as the
taxonomy evolved). EX-27 schedule tags map to the concepts that carry the same line.
"""

GROUPS = [
    {
        "Revenues",
        "SalesRevenueNet",
        "RevenueFromContractWithCustomerExcludingAssessedTax",
        "RevenueFromContractWithCustomerIncludingAssessedTax",
        "SalesRevenueGoodsNet",
        "RevenuesNetOfInterestExpense",
    },
    {
        "CostOfRevenue",
        "CostOfGoodsAndServicesSold",
        "CostOfGoodsSold",
        "CostOfGoodsAndServiceExcludingDepreciationDepletionAndAmortization",
    },
    {"StockholdersEquity", "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest"},
    {"NetIncomeLoss", "ProfitLoss", "NetIncomeLossAvailableToCommonStockholdersBasic"},
    {
        "CashAndCashEquivalentsAtCarryingValue",
        "Cash",
        "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents",
        "CashAndDueFromBanks",
    },
    {
        "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest",
        "IncomeLossFromContinuingOperationsBeforeIncomeTaxesMinorityInterestAndIncomeLossFromEquityMethodInvestments",
        "IncomeLossFromContinuingOperationsBeforeIncomeTaxesDomestic",
    },
    {"EarningsPerShareBasic", "EarningsPerShareBasicAndDiluted", "IncomeLossFromContinuingOperationsPerBasicShare"},
    {"EarningsPerShareDiluted", "EarningsPerShareBasicAndDiluted", "IncomeLossFromContinuingOperationsPerDilutedShare"},
    {"WeightedAverageNumberOfSharesOutstandingBasic", "WeightedAverageNumberOfShareOutstandingBasicAndDiluted"},
    {"WeightedAverageNumberOfDilutedSharesOutstanding", "WeightedAverageNumberOfShareOutstandingBasicAndDiluted"},
    {"TreasuryStockValue", "TreasuryStockCommonValue"},
    {"TreasuryStockShares", "TreasuryStockCommonShares"},
    {"AdditionalPaidInCapital", "AdditionalPaidInCapitalCommonStock"},
    {"DeferredRevenueCurrent", "ContractWithCustomerLiabilityCurrent"},
    {"DeferredRevenueNoncurrent", "ContractWithCustomerLiabilityNoncurrent"},
    {"AccountsReceivableNetCurrent", "ReceivablesNetCurrent"},
    {"NetCashProvidedByUsedInOperatingActivities", "NetCashProvidedByUsedInOperatingActivitiesContinuingOperations"},
    {"NetCashProvidedByUsedInInvestingActivities", "NetCashProvidedByUsedInInvestingActivitiesContinuingOperations"},
    {"NetCashProvidedByUsedInFinancingActivities", "NetCashProvidedByUsedInFinancingActivitiesContinuingOperations"},
    {"InterestExpense", "InterestExpenseNonoperating", "InterestExpenseDebt"},
    {"LongTermDebtNoncurrent", "LongTermDebtAndCapitalLeaseObligations"},
    {"DeferredIncomeTaxLiabilitiesNet", "DeferredTaxLiabilitiesNoncurrent"},  # the 2018 taxonomy retired the latter
    {
        "CashAndCashEquivalentsPeriodIncreaseDecrease",
        "CashPeriodIncreaseDecrease",
        "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseIncludingExchangeRateEffect",
    },
    {
        "EffectOfExchangeRateOnCashAndCashEquivalents",
        "EffectOfExchangeRateOnCashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents",
    },
    {"NonoperatingIncomeExpense", "OtherNonoperatingIncomeExpense"},
    {"ShareBasedCompensation", "AllocatedShareBasedCompensationExpense"},
    {"IntangibleAssetsNetExcludingGoodwill", "FiniteLivedIntangibleAssetsNet"},
    {"MarketableSecuritiesCurrent", "AvailableForSaleSecuritiesDebtSecuritiesCurrent"},
    {
        "PropertyPlantAndEquipmentNet",
        "PropertyPlantAndEquipmentAndFinanceLeaseRightOfUseAssetAfterAccumulatedDepreciationAndAmortization",
    },
]

EX27 = {
    "CASH": {"CashAndCashEquivalentsAtCarryingValue", "Cash"},
    "SECURITIES": {"ShortTermInvestments", "MarketableSecuritiesCurrent", "AvailableForSaleSecuritiesCurrent"},
    "RECEIVABLES": {"AccountsReceivableGrossCurrent", "AccountsReceivableNetCurrent", "ReceivablesNetCurrent"},
    "ALLOWANCES": {"AllowanceForDoubtfulAccountsReceivableCurrent"},
    "INVENTORY": {"InventoryNet"},
    "CURRENT-ASSETS": {"AssetsCurrent"},
    "PP&E": {"PropertyPlantAndEquipmentGross"},
    "DEPRECIATION": {"AccumulatedDepreciationDepletionAndAmortizationPropertyPlantAndEquipment"},
    "TOTAL-ASSETS": {"Assets"},
    "CURRENT-LIABILITIES": {"LiabilitiesCurrent"},
    "BONDS": {"LongTermDebtNoncurrent", "LongTermDebt"},
    "PREFERRED": {"PreferredStockValue"},
    "COMMON": {"CommonStockValue", "CommonStocksIncludingAdditionalPaidInCapital"},
    "TOTAL-LIABILITY-AND-EQUITY": {"LiabilitiesAndStockholdersEquity"},
    "SALES": {"Revenues", "SalesRevenueNet", "RevenueFromContractWithCustomerExcludingAssessedTax"},
    "TOTAL-REVENUES": {"Revenues", "SalesRevenueNet", "RevenueFromContractWithCustomerExcludingAssessedTax"},
    "CGS": {"CostOfGoodsAndServicesSold", "CostOfRevenue", "CostOfGoodsSold"},
    "TOTAL-COSTS": {"CostOfGoodsAndServicesSold", "CostOfRevenue", "CostsAndExpenses"},
    "INTEREST-EXPENSE": {"InterestExpense"},
    "INCOME-PRETAX": GROUPS[5],
    "INCOME-TAX": {"IncomeTaxExpenseBenefit"},
    "INCOME-CONTINUING": {"IncomeLossFromContinuingOperations"},
    "NET-INCOME": {"NetIncomeLoss", "ProfitLoss"},
    "EPS-PRIMARY": {"EarningsPerShareBasic"},
    "EPS-BASIC": {"EarningsPerShareBasic"},
    "EPS-DILUTED": {"EarningsPerShareDiluted"},
}


def accepted_concepts(truth_concept: str) -> set[str]:
    """Our concept names that count as the truth's concept."""
    if truth_concept.startswith("ex27:"):
        return EX27.get(truth_concept[5:], set())
    accepted = {truth_concept}
    for group in GROUPS:
        if truth_concept in group:
            accepted |= group
    return accepted
