// Event calendar import lands here.
