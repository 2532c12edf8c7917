const NULL='\\N';
